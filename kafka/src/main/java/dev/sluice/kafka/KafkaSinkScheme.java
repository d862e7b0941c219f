package dev.sluice.kafka;

import dev.sluice.api.Sink;
import dev.sluice.runtime.sink.SinkScheme;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * {@code --print kafka://HOST:PORT/TOPIC?id=ID}: an exactly-once {@link KafkaSink} of records as
 * text. Options: {@code id} (the transactional id, {@code sluice-sink-TOPIC} unless set), {@code
 * transactionTimeoutMs}; any other is a Kafka producer property.
 */
public final class KafkaSinkScheme implements SinkScheme {

  private static final String OPTIONS = "id, transactionTimeoutMs";

  /** For {@link java.util.ServiceLoader}. */
  public KafkaSinkScheme() {}

  @Override
  public String scheme() {
    return "kafka";
  }

  @Override
  public <T> Sink<T> create(URI uri) {
    KafkaUri parsed = KafkaUri.parse(uri, "sink");
    KafkaSinkBuilder builder = KafkaSinks.kafka(parsed.bootstrapServers, parsed.topic);
    for (Map.Entry<String, String> option : parsed.options.entrySet()) {
      String name = option.getKey();
      String value = option.getValue();
      switch (name) {
        case "id" -> builder.id(value);
        case "transactionTimeoutMs" ->
            builder.transactionTimeout(Duration.ofMillis(parsed.positiveLong("sink", name, value)));
        default -> {
          try {
            builder.producerProperty(name, value);
          } catch (IllegalArgumentException e) {
            throw parsed.unknown("sink", name, OPTIONS, "producer");
          }
        }
      }
    }
    return builder.build();
  }
}
