package dev.sluice.runtime.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkUriTest {

  @TempDir Path dir;

  @Test
  void stdoutAndPrintNameThePrintSink() {
    assertInstanceOf(PrintSink.class, Sinks.fromUri("stdout"));
    assertInstanceOf(PrintSink.class, Sinks.fromUri("print:"));
  }

  @Test
  void fileUriNamesTextFilesWithOptionalSuffix() throws Exception {
    String base = dir.toUri().toString(); // file:///tmp/junit.../
    Sinks.<String>fromUri(base + "counts?suffix=txt").write(TestBatch.of(2000, List.of("a")));
    Sinks.<String>fromUri(base + "plain").write(TestBatch.of(2000, List.of("b")));
    assertEquals(List.of("counts-2000.txt", "plain-2000"), TextFilesSinkTest.list(dir));
  }

  @Test
  void badUrisSayWhatWouldBeRight() {
    String use = "; use stdout, print: or file:///dir/prefix[?suffix=ext]";
    assertMessage("unknown sink URI scheme 'hdfs' in 'hdfs://nn/out'" + use, "hdfs://nn/out");
    assertMessage("sink URI 'out/counts' has no scheme" + use, "out/counts");
    assertMessage(
        "file sink URI 'file:out' must name an absolute path prefix, such as "
            + "file:///out/counts?suffix=txt",
        "file:out");
    assertMessage(
        "file sink URI 'file:///out/c?ext=txt' has an unknown parameter 'ext=txt'; "
            + "the only one is suffix, such as ?suffix=txt",
        "file:///out/c?ext=txt");
    assertMessage(
        "file sink URI 'file:///out/' must end with a name for the batch directories, such as "
            + "file:///out/counts",
        "file:///out/");
  }

  private static void assertMessage(String expected, String uri) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sinks.fromUri(uri));
    assertEquals(expected, e.getMessage());
  }
}
