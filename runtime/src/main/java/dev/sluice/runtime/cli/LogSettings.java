package dev.sluice.runtime.cli;

import java.util.Properties;

/**
 * The SLF4J simple-logger settings of a generated main. They are system properties that the simple
 * logger reads once, when the first logger is created, so they must be set before anything logs:
 * hence no logger is created until {@link #apply} has run.
 *
 * <p>The compact format is {@code 14:03:22.123 WARN SocketTextSource - message}: time of day, no
 * thread name, level, short logger name. Settings given with {@code -D} are kept, except that
 * {@code --log-level} overrides the levels.
 */
final class LogSettings {

  static final String PREFIX = "org.slf4j.simpleLogger.";
  static final String DEFAULT_LEVEL = PREFIX + "defaultLogLevel";
  static final String SLUICE_LEVEL = PREFIX + "log.dev.sluice";

  /**
   * Kafka's clients (of the Kafka source and sink) log their whole configuration and every seek at
   * INFO, which would bury a pipeline's own lines: they log warnings and errors only, unless {@code
   * --log-level} is quieter still or a {@code -D} setting says otherwise.
   */
  static final String KAFKA_LEVEL = PREFIX + "log.org.apache.kafka";

  private LogSettings() {}

  /**
   * Sets the format and levels in {@code properties} (the system properties, or a copy in tests).
   *
   * @param level the {@code --log-level}, or {@code null} to keep the levels (info by default)
   */
  static void apply(Properties properties, String level) {
    properties.putIfAbsent(PREFIX + "showDateTime", "true");
    properties.putIfAbsent(PREFIX + "dateTimeFormat", "HH:mm:ss.SSS");
    properties.putIfAbsent(PREFIX + "showThreadName", "false");
    properties.putIfAbsent(PREFIX + "showShortLogName", "true");
    properties.putIfAbsent(DEFAULT_LEVEL, "info");
    if (level != null) {
      properties.setProperty(DEFAULT_LEVEL, level);
      properties.setProperty(SLUICE_LEVEL, level);
    }
    boolean quieter = "error".equals(level);
    properties.putIfAbsent(KAFKA_LEVEL, quieter ? level : "warn");
  }
}
