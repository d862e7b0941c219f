package dev.sluice.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.ReplayableSource;
import dev.sluice.kafka.testing.EmbeddedKafka;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class KafkaUriTest {

  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  @Test
  @SuppressWarnings("unchecked") // the test knows the source reads strings
  void theCommandLinesKafkaUriMakesASourceWithItsOptions() throws Exception {
    String topic = KAFKA.newTopic("uri", 1);
    KAFKA.send(topic, 0, "u0", "u1");
    String uri =
        "kafka://"
            + KAFKA.bootstrapServers()
            + "/"
            + topic
            + "?group=g-"
            + topic
            + "&startingOffsets=earliest&maxRecordsPerPartition=1&fetch.min.bytes=1";
    ReplayableSource<String> source = assertInstanceOf(KafkaSource.class, Sources.fromUri(uri));
    try {
      assertEquals("kafka " + topic + " at " + KAFKA.bootstrapServers(), source.describe());
      byte[] plan = source.plan(1000);
      assertEquals(List.of(new OffsetRange(topic, 0, 0, 1)), OffsetRanges.decode(plan));
      assertEquals(List.of("u0"), source.read(1000, plan));
    } finally {
      source.close();
    }
  }

  @Test
  void theSinkUriTakesAnIdAndProducerProperties() throws Exception {
    KafkaSink<?> sink =
        assertInstanceOf(
            KafkaSink.class,
            Sinks.fromUri("kafka://h1:9092,h2:9092/counts?id=wc-counts&linger.ms=5"));
    assertEquals("counts at h1:9092,h2:9092 (id wc-counts)", sink.describe());
    sink.close();
    KafkaSink<?> byDefault = assertInstanceOf(KafkaSink.class, Sinks.fromUri("kafka://h:1/out"));
    assertEquals("out at h:1 (id sluice-sink-out)", byDefault.describe());
    byDefault.close();
  }

  @Test
  void badUrisSayWhatWouldBeRight() {
    assertSource(
        "kafka source URI 'kafka://h:1/t?startingOffsets=first': startingOffsets must be earliest,"
            + " latest or committed, was 'first'",
        "kafka://h:1/t?startingOffsets=first");
    assertSource(
        "kafka source URI 'kafka://h:1/t?maxRecordsPerPartition=0': maxRecordsPerPartition must"
            + " be a positive whole number, was '0'",
        "kafka://h:1/t?maxRecordsPerPartition=0");
    assertSource(
        "kafka source URI 'kafka://h:1/t?grop=wc': unknown option 'grop'; use group,"
            + " startingOffsets, maxRecordsPerPartition, onOutOfRange, brokerTimeoutMs or a Kafka"
            + " consumer property",
        "kafka://h:1/t?grop=wc");
    assertSource(
        "kafka source URI 'kafka://h:1' must be kafka://host:port[,host:port...]/topic"
            + "[?option=value&...], such as kafka://127.0.0.1:9092/words?group=wc",
        "kafka://h:1");
    assertSource(
        "unknown source URI scheme 'kafak' in 'kafak://h:1/t'; use socket://host:port,"
            + " file:///dir, dir:path, files:paths or demo: (installed: kafka://)",
        "kafak://h:1/t");
    IllegalArgumentException sink =
        assertThrows(IllegalArgumentException.class, () -> Sinks.fromUri("kafka://h:1/t?acks=1"));
    assertEquals(
        "kafka sink URI 'kafka://h:1/t?acks=1': unknown option 'acks'; use id,"
            + " transactionTimeoutMs or a Kafka producer property",
        sink.getMessage());
    IllegalArgumentException unknownSink =
        assertThrows(IllegalArgumentException.class, () -> Sinks.fromUri("hdfs://nn/out"));
    assertEquals(
        "unknown sink URI scheme 'hdfs' in 'hdfs://nn/out'; use stdout, print: or"
            + " file:///dir/prefix[?suffix=ext] (installed: kafka://)",
        unknownSink.getMessage());
  }

  @Test
  void theHelpOfGeneratedMainsNamesTheKafkaScheme() {
    assertEquals(" (installed: kafka://)", Sources.installedSchemes());
    assertEquals(" (installed: kafka://)", Sinks.installedSchemes());
  }

  private static void assertSource(String message, String uri) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sources.fromUri(uri));
    assertEquals(message, e.getMessage());
  }
}
