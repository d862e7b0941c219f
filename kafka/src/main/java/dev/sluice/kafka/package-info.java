/**
 * Kafka in and out: {@link dev.sluice.kafka.KafkaSources} (a direct, replayable source whose plans
 * are offset ranges) and {@link dev.sluice.kafka.KafkaSinks} (an exactly-once sink, one producer
 * transaction per batch), and the {@code kafka://} URI schemes of the generated mains. See {@code
 * docs/kafka.md}.
 *
 * <p>Conventions: a source is called by the runtime's driver thread only and a sink by one thread
 * at a time, each call happening-before the next, so neither locks; the Kafka clients they own are
 * used from those calls only. Builders are not thread-safe and copy their options at {@code build}.
 * Failures that a user must act on are {@link dev.sluice.kafka.KafkaSourceException} and {@link
 * dev.sluice.kafka.KafkaSinkException}, whose messages name the topic and say what to do.
 */
package dev.sluice.kafka;
