package dev.sluice.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UsageTest {

  @Test
  void listsInputsOutputsAndCommonFlagsWithDefaults() {
    assertEquals(
        """
        Usage: WordCountMain [options]
        Runs the Sluice pipeline WordCount until stopped; Ctrl-C stops it gracefully.
        With --once, runs it over bounded inputs as fast as it can, lets the windows drain, and exits.

        Inputs, bound by URI: socket://host:port, file:///dir, dir:path, files:paths or demo:
          --lines URI              String records (default: set in code)
          events                   Event records (set in code only; not text)
        Outputs, bound by URI: stdout, print: or file:///dir/prefix[?suffix=ext]
          --counts URI             KV<String, Long> records (default: set in code)
        Options:
          --batch-interval TIME    digits then ms, s, m or h (default: 2s)
          --parallelism N          partitions per batch and worker threads (default: 4)
          --batches N              stop gracefully after N batches (default: run until stopped)
          --once                   read the inputs as bounded (files: and the files of a dir: now),
                                   batch after batch with no waiting; drain the windows; exit 0
          --batch-size N|Nfiles    lines or files per batch of a bounded input (default: 1file)
          --checkpoint DIR         log batches in DIR; resume from it after a crash (default: none)
          --checkpoint-interval T  with --checkpoint: snapshot state every T (default: 10s)
          --no-write-ahead-log     with --checkpoint: receivers log nothing (at most once)
          --log-level LEVEL        error, warn, info, debug, trace (default: info)
          --help                   print this help and exit
        Monitoring (docs/monitoring.md):
          --ui-port N              the web UI's port; 0 for any (default: first free from 4040)
          --ui-host HOST           the address the web UI binds (default: 127.0.0.1)
          --no-ui                  no web UI and no /metrics
          --event-log DIR          append every batch's events to a log in DIR
          --history DIR            serve the UI of the runs logged in DIR; runs no pipeline
        """,
        Usage.of(new TestPipelineBuilder()));
  }

  @Test
  void anInputWithoutDefaultIsRequired() {
    String usage = Usage.of(new TestPipelineBuilder(false));
    assertTrue(
        usage.contains(
            "\n  --lines URI              String records (required: no default)\n"
                + "  events                   Event records (set in code only; not text)\n"),
        usage);
  }
}
