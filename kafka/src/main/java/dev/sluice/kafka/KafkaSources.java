package dev.sluice.kafka;

/**
 * Kafka sources: {@code KafkaSources.kafka("127.0.0.1:9092", "words").group("wc").build()}. See
 * {@link KafkaSource} for what a batch reads and {@code docs/kafka.md} for the guarantees.
 */
public final class KafkaSources {

  private KafkaSources() {}

  /**
   * The options of a direct source of {@code topic}, read from the brokers {@code bootstrapServers}
   * ({@code host:port[,host:port...]}).
   */
  public static KafkaSourceBuilder kafka(String bootstrapServers, String topic) {
    return new KafkaSourceBuilder(bootstrapServers, topic);
  }
}
