package dev.sluice.kafka.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class EmbeddedKafkaTest {

  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  @Test
  void listensOnTheLoopbackAddressAndKeepsWhatItIsSent() {
    assertTrue(KAFKA.bootstrapServers().startsWith("127.0.0.1:"), KAFKA.bootstrapServers());
    String topic = KAFKA.newTopic("smoke", 2);
    KAFKA.send(topic, 1, "b1", "b2");
    KAFKA.send(topic, 0, "a1");
    assertEquals(List.of("a1", "b1", "b2"), KAFKA.readValues(topic, "read_committed"));
  }
}
