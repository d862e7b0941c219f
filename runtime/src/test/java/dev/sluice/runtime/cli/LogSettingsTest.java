package dev.sluice.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LogSettingsTest {

  @Test
  void setsTheCompactFormatAndInfoByDefault() {
    Properties properties = new Properties();
    LogSettings.apply(properties, null);
    assertEquals(
        Map.of(
            "org.slf4j.simpleLogger.showDateTime", "true",
            "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS",
            "org.slf4j.simpleLogger.showThreadName", "false",
            "org.slf4j.simpleLogger.showShortLogName", "true",
            "org.slf4j.simpleLogger.defaultLogLevel", "info",
            "org.slf4j.simpleLogger.log.org.apache.kafka", "warn"),
        properties);
  }

  @Test
  void kafkaClientsLogWarningsUnlessTheLevelIsQuieter() {
    Properties properties = new Properties();
    LogSettings.apply(properties, "debug");
    assertEquals("warn", properties.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka"));
    Properties quiet = new Properties();
    LogSettings.apply(quiet, "error");
    assertEquals("error", quiet.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka"));
  }

  @Test
  void logLevelSetsTheDefaultAndSluiceLevels() {
    Properties properties = new Properties();
    properties.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    LogSettings.apply(properties, "debug");
    assertEquals("debug", properties.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
    assertEquals("debug", properties.getProperty("org.slf4j.simpleLogger.log.dev.sluice"));
  }

  @Test
  void keepsSettingsGivenOnTheCommandLine() {
    Properties properties = new Properties();
    properties.setProperty("org.slf4j.simpleLogger.showThreadName", "true");
    properties.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    LogSettings.apply(properties, null);
    assertEquals("true", properties.getProperty("org.slf4j.simpleLogger.showThreadName"));
    assertEquals("warn", properties.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
  }
}
