/**
 * A real Kafka broker for tests, in the test JVM ({@link dev.sluice.kafka.testing.KafkaBroker},
 * {@link dev.sluice.kafka.testing.EmbeddedKafka}), published in the module's test jar for the tests
 * of other modules.
 */
package dev.sluice.kafka.testing;
