package dev.sluice.runtime.checkpoint;

import static dev.sluice.runtime.engine.TestEngines.INTERVAL;
import static dev.sluice.runtime.engine.TestEngines.WAIT;
import static dev.sluice.runtime.engine.TestEngines.assertNoThreadsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.PipelineFailedException;
import dev.sluice.runtime.clock.BatchClock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.engine.CollectingSink;
import dev.sluice.runtime.engine.Engine;
import dev.sluice.runtime.engine.EngineLimits;
import dev.sluice.runtime.engine.WordCountProgram;
import dev.sluice.runtime.source.Sources;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch log that cannot be written (a full disk) fails the pipeline with the directory and the
 * cause, and the batch whose plan could not be written writes no output.
 */
@Timeout(60)
class LogWriteFailureTest {

  @TempDir Path dir;

  @AfterEach
  void useTheRealDisk() {
    Disk.use(null);
  }

  @Test
  void aFullDiskFailsThePipelineBeforeTheBatchWritesItsOutputs() throws Exception {
    Disk.use(
        new Disk() {
          @Override
          public FileChannel open(Path file, OpenOption... options) throws IOException {
            FileChannel channel = super.open(file, options);
            if (!file.getFileName().toString().startsWith("batches-")) {
              return channel;
            }
            return new ForwardingChannel(channel) {
              @Override
              public int write(ByteBuffer source) throws IOException {
                if (size() >= LogRecords.HEADER_BYTES) { // the header goes in; no record does
                  throw new IOException("No space left on device");
                }
                return super.write(source);
              }
            };
          }
        });
    ManualClock clock = BatchClock.manual(500);
    CollectingSink sink = new CollectingSink();
    Engine engine =
        new Engine(
            new WordCountProgram("Full", 2, Sources.batches(List.of(List.of("a"))), sink, null),
            INTERVAL,
            2,
            clock,
            List.of(),
            EngineLimits.DEFAULTS,
            new CheckpointSettings(dir, true));
    engine.start();
    clock.setMillis(1000);
    PipelineFailedException e =
        assertThrows(PipelineFailedException.class, () -> engine.awaitTermination(WAIT));
    assertEquals(
        "Pipeline Full failed to write its batch log in "
            + dir.toAbsolutePath()
            + ": java.io.IOException: No space left on device",
        e.getMessage());
    assertEquals(List.of(), sink.times());
    assertTrue(sink.closes.get() == 1, "the sink was closed");
    assertNoThreadsOf("Full");
  }
}
