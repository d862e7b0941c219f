package dev.sluice.kafka;

import dev.sluice.api.KV;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Turns a pipeline record into a Kafka record of the sink's topic.
 *
 * @param <T> the type of the pipeline's records
 */
interface RecordEncoder<T> {

  ProducerRecord<byte[], byte[]> encode(String topic, T record);

  /** Closes the serializers. */
  void close();

  /**
   * The text form of the command line's {@code --print kafka://...}: a {@link KV} becomes a record
   * keyed by its key's text with its value's text; any other record a value of its text (UTF-8),
   * with no key. A null stays null.
   */
  static <T> RecordEncoder<T> text() {
    StringSerializer strings = new StringSerializer();
    return new RecordEncoder<>() {
      @Override
      public ProducerRecord<byte[], byte[]> encode(String topic, T record) {
        if (record instanceof KV<?, ?> pair) {
          return new ProducerRecord<>(
              topic,
              strings.serialize(topic, text(pair.key())),
              strings.serialize(topic, text(pair.value())));
        }
        return new ProducerRecord<>(topic, null, strings.serialize(topic, text(record)));
      }

      @Override
      public void close() {
        strings.close();
      }
    };
  }

  static <V> RecordEncoder<V> values(Serializer<V> values) {
    return new RecordEncoder<>() {
      @Override
      public ProducerRecord<byte[], byte[]> encode(String topic, V record) {
        return new ProducerRecord<>(topic, null, values.serialize(topic, record));
      }

      @Override
      public void close() {
        values.close();
      }
    };
  }

  static <K, V> RecordEncoder<KV<K, V>> pairs(Serializer<K> keys, Serializer<V> values) {
    return new RecordEncoder<>() {
      @Override
      public ProducerRecord<byte[], byte[]> encode(String topic, KV<K, V> record) {
        return new ProducerRecord<>(
            topic, keys.serialize(topic, record.key()), values.serialize(topic, record.value()));
      }

      @Override
      public void close() {
        keys.close();
        values.close();
      }
    };
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
