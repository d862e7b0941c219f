package dev.sluice.kafka;

/**
 * Kafka sinks: {@code KafkaSinks.kafka("127.0.0.1:9092", "counts").id("wordcount-counts")
 * .build()}. See {@link KafkaSink} for how each batch is written exactly once.
 */
public final class KafkaSinks {

  private KafkaSinks() {}

  /**
   * The options of an exactly-once sink to {@code topic} on the brokers {@code bootstrapServers}
   * ({@code host:port[,host:port...]}).
   */
  public static KafkaSinkBuilder kafka(String bootstrapServers, String topic) {
    return new KafkaSinkBuilder(bootstrapServers, topic);
  }
}
