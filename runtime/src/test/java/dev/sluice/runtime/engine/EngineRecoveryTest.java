package dev.sluice.runtime.engine;

import static dev.sluice.runtime.engine.TestEngines.INTERVAL;
import static dev.sluice.runtime.engine.TestEngines.WAIT;
import static dev.sluice.runtime.engine.TestEngines.awaitBatch;
import static dev.sluice.runtime.engine.TestEngines.stopAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Batch;
import dev.sluice.api.KV;
import dev.sluice.api.PipelineFailedException;
import dev.sluice.api.TransactionalSink;
import dev.sluice.runtime.checkpoint.CheckpointException;
import dev.sluice.runtime.checkpoint.CheckpointSettings;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.source.Sources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery from a checkpoint directory within one JVM: a failure leaves batches planned and not
 * committed, as a crash would, and a new engine on the same directory goes on from there.
 */
@Timeout(60)
class EngineRecoveryTest {

  private static final List<List<String>> LINES =
      List.of(
          List.of("a b"),
          List.of("b c"),
          List.of("c d"),
          List.of("d e"),
          List.of("e f"),
          List.of("f g"),
          List.of("g h"),
          List.of("h i"));

  @TempDir Path checkpoint;

  private Engine engine(PipelineProgram program, BatchClock clock) {
    return new Engine(
        program,
        INTERVAL,
        2,
        clock,
        List.of(),
        EngineLimits.DEFAULTS,
        new CheckpointSettings(checkpoint, true));
  }

  @Test
  void runsTheBatchesThatDidNotCommitAgainAndResumesTheSource() throws Exception {
    ManualClock clock = BatchClock.manual(500);
    CollectingSink first = new CollectingSink().failAt(4000);
    Engine crashed =
        engine(new WordCountProgram("Recover", 2, Sources.batches(LINES), first, null), clock);
    crashed.start();
    clock.setMillis(6000); // batches 1000 to 6000 are planned and logged at once
    assertThrows(PipelineFailedException.class, () -> crashed.awaitTermination(WAIT));
    assertEquals(List.of(1000L, 2000L, 3000L), first.times());

    CollectingSink second = new CollectingSink();
    Engine recovered =
        engine(new WordCountProgram("Recover", 2, Sources.batches(LINES), second, null), clock);
    try (LogCapture logs = new LogCapture()) {
      recovered.start();
      awaitBatch(recovered, 6000);
      clock.setMillis(7000);
      awaitBatch(recovered, 7000);
      List<String> recovery =
          logs.messages("INFO").stream()
              .filter(m -> m.startsWith("Recovered"))
              .map(m -> m.replaceAll(" \\d+ ms:", " N ms:"))
              .toList();
      assertEquals(
          List.of(
              "Recovered Recover from "
                  + checkpoint
                  + " in N ms: last committed "
                  + "batch 2 at 3000; no state snapshot yet; 3 committed batches to replay for "
                  + "state, 3 batches to run again; next new batch 6 at 7000"),
          recovery);
    }
    assertEquals(List.of(4000L, 5000L, 6000L, 7000L), second.times());
    assertEquals(Map.of("d", 1L, "e", 1L), second.counts(4000));
    assertEquals(Map.of("g", 1L, "h", 1L), second.counts(7000)); // list item 6: after the log
    assertEquals(List.of(3L, 4L, 5L, 6L), second.batches.stream().map(Batch::index).toList());
    stopAndCheck(recovered);
  }

  @Test
  void receivedRecordsAreLoggedAndNoneIsLostOrRepeated() throws Exception {
    ManualClock clock = BatchClock.manual(500);
    ScriptedReceiver receiver = new ScriptedReceiver();
    CollectingSink first = new CollectingSink().blockAt(2000).failAt(2000);
    Engine crashed = engine(new WordCountProgram("Logged", 2, receiver, first, null), clock);
    crashed.start();
    receiver.send("a b", "b c");
    receiver.awaitStored(2);
    clock.setMillis(1000);
    awaitBatch(crashed, 1000);
    receiver.send("c d");
    receiver.awaitStored(1);
    clock.setMillis(2000);
    first.blocked.await();
    receiver.send("d e"); // taken while batch 2000 runs: in no batch when the pipeline fails
    receiver.awaitStored(1);
    first.release.countDown();
    assertThrows(PipelineFailedException.class, () -> crashed.awaitTermination(WAIT));
    assertEquals(List.of(1000L), first.times());

    ScriptedReceiver silent = new ScriptedReceiver();
    CollectingSink second = new CollectingSink();
    Engine recovered = engine(new WordCountProgram("Logged", 2, silent, second, null), clock);
    recovered.start();
    awaitBatch(recovered, 2000);
    clock.setMillis(3000);
    awaitBatch(recovered, 3000);
    assertEquals(List.of(2000L, 3000L), second.times());
    assertEquals(Map.of("c", 1L, "d", 1L), second.counts(2000)); // read back from the log
    assertEquals(Map.of("d", 1L, "e", 1L), second.counts(3000)); // logged, then batched
    stopAndCheck(recovered);
  }

  @Test
  void aGracefulStopCommitsEverythingAndARestartRunsNothingAgain() throws Exception {
    ManualClock clock = BatchClock.manual(500);
    CollectingSink first = new CollectingSink();
    Engine stopped =
        engine(new WordCountProgram("Restart", 2, Sources.batches(LINES), first, null), clock);
    stopped.start();
    clock.setMillis(2000);
    awaitBatch(stopped, 2000);
    stopped.requestStop(true);
    assertTrue(stopped.awaitTermination(WAIT));

    CollectingSink second = new CollectingSink();
    Engine restarted =
        engine(new WordCountProgram("Restart", 2, Sources.batches(LINES), second, null), clock);
    restarted.start();
    clock.setMillis(3000);
    awaitBatch(restarted, 3000);
    assertEquals(List.of(3000L), second.times());
    assertEquals(Map.of("c", 1L, "d", 1L), second.counts(3000));
    stopAndCheck(restarted);
  }

  @Test
  void aGracefulStopWithAWriteAheadLogCommitsEverything() throws Exception {
    ManualClock clock = BatchClock.manual(500);
    ScriptedReceiver receiver = new ScriptedReceiver();
    CollectingSink first = new CollectingSink();
    Engine stopped = engine(new WordCountProgram("LoggedStop", 2, receiver, first, null), clock);
    stopped.start();
    receiver.send("a b");
    receiver.awaitStored(1);
    clock.setMillis(1000);
    awaitBatch(stopped, 1000);
    receiver.send("c");
    receiver.awaitStored(1);
    clock.setMillis(2000);
    awaitBatch(stopped, 2000);
    stopped.requestStop(true);
    assertTrue(stopped.awaitTermination(WAIT));
    assertEquals(List.of(1000L, 2000L), first.times());

    CollectingSink second = new CollectingSink();
    Engine restarted =
        engine(new WordCountProgram("LoggedStop", 2, new ScriptedReceiver(), second, null), clock);
    restarted.start();
    clock.setMillis(3000);
    awaitBatch(restarted, 3000);
    assertEquals(List.of(3000L), second.times()); // nothing committed runs again
    assertEquals(Map.of(), second.counts(3000));
    stopAndCheck(restarted);
  }

  @Test
  void aDirectoryInUseStopsTheStartWithItsReason() throws Exception {
    ManualClock clock = BatchClock.manual(500);
    Engine running =
        engine(
            new WordCountProgram("Twice", 2, Sources.batches(LINES), new CollectingSink(), null),
            clock);
    running.start();
    CollectingSink sink = new CollectingSink();
    Engine second =
        engine(new WordCountProgram("Twice", 2, Sources.batches(LINES), sink, null), clock);
    CheckpointException e = assertThrows(CheckpointException.class, second::start);
    assertTrue(
        e.getMessage()
            .startsWith(
                "checkpoint directory "
                    + checkpoint
                    + " is in use by "
                    + "another running pipeline"),
        e.getMessage());
    assertEquals(1, sink.closes.get());
    PipelineFailedException failed =
        assertThrows(PipelineFailedException.class, () -> second.awaitTermination(WAIT));
    assertEquals("Pipeline Twice cannot start: " + e.getMessage(), failed.getMessage());
    stopAndCheck(running);
  }

  @Test
  void aTransactionalSinkCommitsEachBatchOnceAcrossAFailedCommit() throws Exception {
    ManualClock clock = BatchClock.manual(500);
    TwoPhaseSink first = new TwoPhaseSink(2);
    Engine crashed =
        engine(new WordCountProgram("Transactions", 2, Sources.batches(LINES), first, null), clock);
    crashed.start();
    clock.setMillis(3000);
    PipelineFailedException e =
        assertThrows(PipelineFailedException.class, () -> crashed.awaitTermination(WAIT));
    assertEquals(
        "Pipeline Transactions failed in output 'counts' of batch 3000: "
            + "java.io.IOException: commit refused",
        e.getMessage());
    assertEquals(
        List.of(
            "recover -1",
            "prepare 0",
            "commit 0",
            "prepare 1",
            "commit 1",
            "prepare 2",
            "commit 2"),
        first.calls);

    TwoPhaseSink second = new TwoPhaseSink(-1);
    Engine recovered =
        engine(
            new WordCountProgram("Transactions", 2, Sources.batches(LINES), second, null), clock);
    recovered.start();
    clock.setMillis(4000);
    awaitBatch(recovered, 4000);
    // batch 2's commit record was on disk before the sink's commit failed: the sink finishes it
    assertEquals(List.of("recover 2", "prepare 3", "commit 3"), second.calls);
    stopAndCheck(recovered);
  }

  @Test
  void withoutACheckpointATransactionalSinkWritesAtOnce() throws Exception {
    ManualClock clock = BatchClock.manual(500);
    TwoPhaseSink sink = new TwoPhaseSink(-1);
    Engine engine =
        TestEngines.engine(
            new WordCountProgram("Plain", 2, Sources.batches(LINES), sink, null), 2, clock);
    engine.start();
    clock.setMillis(1000);
    awaitBatch(engine, 1000);
    assertEquals(List.of("prepare 0", "commit 0"), sink.calls);
    assertFalse(sink.calls.contains("recover -1"));
    stopAndCheck(engine);
  }

  /** Records the two-phase calls; its commit of batch {@code failCommitAt} throws. */
  private static final class TwoPhaseSink implements TransactionalSink<KV<String, Long>> {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final long failCommitAt;

    TwoPhaseSink(long failCommitAt) {
      this.failCommitAt = failCommitAt;
    }

    @Override
    public void recover(long committedBatch) {
      calls.add("recover " + committedBatch);
    }

    @Override
    public void prepare(Batch<KV<String, Long>> batch) {
      calls.add("prepare " + batch.index());
    }

    @Override
    public void commit(long batchIndex) throws IOException {
      calls.add("commit " + batchIndex);
      if (batchIndex == failCommitAt) {
        throw new IOException("commit refused");
      }
    }
  }
}
