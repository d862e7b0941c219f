package dev.sluice.runtime.source;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logger that keeps every event, formatted, so tests can assert exactly what was logged. Public
 * for the tests of other modules (the Kafka source), through the runtime's test jar.
 */
public final class RecordingLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  /** One logged event: the level, the formatted message and whether a throwable was attached. */
  public record Event(Level level, String message, boolean withThrowable) {
    @Override
    public String toString() {
      return level + " " + message + (withThrowable ? " +throwable" : "");
    }
  }

  private final transient List<Event> events = new CopyOnWriteArrayList<>();
  private final transient Object signal = new Object();

  public RecordingLogger() {
    this.name = "test";
  }

  /** Every event so far, in order. */
  public List<Event> events() {
    return List.copyOf(events);
  }

  /** The events at INFO or above, as {@code LEVEL message} strings. */
  public List<String> infoAndAbove() {
    List<String> lines = new ArrayList<>();
    for (Event event : events) {
      if (event.level().toInt() >= Level.INFO.toInt()) {
        lines.add(event.toString());
      }
    }
    return lines;
  }

  /** Waits up to 5 s for an event printing as {@code expected}; fails otherwise. */
  public Event await(String expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    synchronized (signal) {
      while (true) {
        for (Event event : events) {
          if (event.toString().equals(expected)) {
            return event;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("no event '" + expected + "' within 5 s; events: " + events);
        }
        TimeUnit.NANOSECONDS.timedWait(signal, Math.max(left, 1));
      }
    }
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    events.add(new Event(level, message, throwable != null));
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
