package dev.sluice.kafka;

import dev.sluice.api.Source;
import dev.sluice.runtime.source.SourceScheme;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * {@code --lines kafka://HOST:PORT/TOPIC?group=G&startingOffsets=earliest&...}: a {@link
 * KafkaSource} of UTF-8 values. Options: {@code group}, {@code startingOffsets}
 * (earliest|latest|committed), {@code maxRecordsPerPartition}, {@code onOutOfRange}
 * (fail|earliest|latest), {@code brokerTimeoutMs}; any other is a Kafka consumer property.
 */
public final class KafkaSourceScheme implements SourceScheme {

  private static final String OPTIONS =
      "group, startingOffsets, maxRecordsPerPartition, onOutOfRange, brokerTimeoutMs";

  /** For {@link java.util.ServiceLoader}. */
  public KafkaSourceScheme() {}

  @Override
  public String scheme() {
    return "kafka";
  }

  @Override
  public Source<String> create(URI uri) {
    KafkaUri parsed = KafkaUri.parse(uri, "source");
    KafkaSourceBuilder builder = KafkaSources.kafka(parsed.bootstrapServers, parsed.topic);
    for (Map.Entry<String, String> option : parsed.options.entrySet()) {
      String name = option.getKey();
      String value = option.getValue();
      switch (name) {
        case "group" -> builder.group(value);
        case "startingOffsets" ->
            builder.startingOffsets(parsed.choice("source", name, value, StartingOffsets.class));
        case "maxRecordsPerPartition" ->
            builder.maxRecordsPerPartition(parsed.positiveLong("source", name, value));
        case "onOutOfRange" ->
            builder.onOutOfRange(parsed.choice("source", name, value, OutOfRangePolicy.class));
        case "brokerTimeoutMs" ->
            builder.brokerTimeout(Duration.ofMillis(parsed.positiveLong("source", name, value)));
        default -> {
          try {
            builder.consumerProperty(name, value);
          } catch (IllegalArgumentException e) {
            throw parsed.unknown("source", name, OPTIONS, "consumer");
          }
        }
      }
    }
    return builder.build();
  }
}
