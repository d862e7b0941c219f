package dev.sluice.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Receiver;
import dev.sluice.api.ReceiverSource;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.metrics.BatchInfo;
import dev.sluice.runtime.metrics.StreamingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several receivers push two million records in total through tiny queues on the wall clock: every
 * record must come out exactly once, and the receivers must have felt backpressure.
 */
@Timeout(60)
class EngineStressTest {

  private static final int RECEIVERS = 4;
  private static final int RECORDS_PER_RECEIVER = 500_000;
  private static final String[] KEYS = new String[1000];

  static {
    for (int k = 0; k < KEYS.length; k++) {
      KEYS[k] = "key" + k;
    }
  }

  @Test
  void millionsOfRecordsThroughSmallQueuesArriveExactlyOnce() throws InterruptedException {
    CountDownLatch received = new CountDownLatch(RECEIVERS);
    List<InputSlot> inputs = new ArrayList<>();
    Map<String, Long> expected = new HashMap<>();
    for (int r = 0; r < RECEIVERS; r++) {
      inputs.add(new InputSlot("flood" + r, new Flood(r, received)));
      for (int i = 0; i < RECORDS_PER_RECEIVER; i++) {
        expected.merge(Flood.key(r, i), 1L, Long::sum);
      }
    }
    AtomicLong blockedNanos = new AtomicLong();
    AtomicLong recordsIn = new AtomicLong();
    StreamingListener listener =
        new StreamingListener() {
          @Override
          public void onBatchCompleted(BatchInfo batch) {
            recordsIn.addAndGet(batch.records());
            batch.inputs().forEach(in -> blockedNanos.addAndGet(in.receiverBlocked().toNanos()));
          }
        };
    CollectingSink sink = new CollectingSink();
    Engine engine =
        new Engine(
            new WordCountProgram("Stress", 4, inputs, sink, null),
            Duration.ofMillis(20),
            4,
            BatchClock.system(),
            List.of(listener),
            new EngineLimits(64, 2, Duration.ofSeconds(10)),
            null);
    engine.start();
    assertTrue(received.await(50, TimeUnit.SECONDS), "receivers done");
    engine.requestStop(true);
    assertTrue(engine.awaitTermination(TestEngines.WAIT));

    assertEquals((long) RECEIVERS * RECORDS_PER_RECEIVER, recordsIn.get());
    assertEquals(expected, sink.totals());
    assertTrue(blockedNanos.get() > 0, "receivers waited for room");
    TestEngines.assertNoThreadsOf("Stress");
  }

  /** Stores its share of records as fast as it can, then returns. */
  private static final class Flood implements ReceiverSource<String> {
    private final int receiver;
    private final CountDownLatch done;

    Flood(int receiver, CountDownLatch done) {
      this.receiver = receiver;
      this.done = done;
    }

    static String key(int receiver, int i) {
      return KEYS[(i * 7 + receiver * 13) % KEYS.length];
    }

    @Override
    public void receive(Receiver<String> out) {
      for (int i = 0; i < RECORDS_PER_RECEIVER; i++) {
        out.store(key(receiver, i));
      }
      done.countDown();
    }
  }
}
