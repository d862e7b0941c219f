package dev.sluice.kafka;

import dev.sluice.api.KV;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a fetched record (bytes) into a pipeline record with the user's deserializers, so that a
 * failure can name the record's topic, partition and offset and show its first bytes.
 *
 * @param <T> the type of the pipeline's records
 */
interface RecordDecoder<T> {

  /** How many bytes of an undecodable key or value an error shows. */
  int PREVIEW_BYTES = 16;

  /**
   * The record's value or pair.
   *
   * @throws KafkaSourceException if a deserializer fails
   */
  T decode(ConsumerRecord<byte[], byte[]> record);

  /** Closes the deserializers. */
  void close();

  static <V> RecordDecoder<V> values(Deserializer<V> values) {
    return new RecordDecoder<>() {
      @Override
      public V decode(ConsumerRecord<byte[], byte[]> record) {
        return deserialize(values, "value", record, record.value());
      }

      @Override
      public void close() {
        values.close();
      }
    };
  }

  static <K, V> RecordDecoder<KV<K, V>> pairs(Deserializer<K> keys, Deserializer<V> values) {
    return new RecordDecoder<>() {
      @Override
      public KV<K, V> decode(ConsumerRecord<byte[], byte[]> record) {
        return KV.of(
            deserialize(keys, "key", record, record.key()),
            deserialize(values, "value", record, record.value()));
      }

      @Override
      public void close() {
        keys.close();
        values.close();
      }
    };
  }

  private static <X> X deserialize(
      Deserializer<X> deserializer, String part, ConsumerRecord<?, ?> record, byte[] data) {
    try {
      return deserializer.deserialize(record.topic(), record.headers(), data);
    } catch (RuntimeException e) {
      throw new KafkaSourceException(
          "cannot deserialize the "
              + part
              + " of the record at offset "
              + record.offset()
              + " of "
              + record.topic()
              + "-"
              + record.partition()
              + " with "
              + deserializer.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "; "
              + preview(data),
          e);
    }
  }

  /** {@code its first 3 of 3 bytes: 61 62 63}, or {@code it is null}. */
  static String preview(byte[] data) {
    if (data == null) {
      return "it is null";
    }
    int shown = Math.min(data.length, PREVIEW_BYTES);
    return "its first "
        + shown
        + " of "
        + data.length
        + " bytes: "
        + HexFormat.ofDelimiter(" ").formatHex(data, 0, shown);
  }
}
