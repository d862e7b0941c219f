package dev.sluice.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceUriTest {

  @TempDir Path dir;

  @Test
  void socketUriNamesHostAndPort() {
    assertEquals("socket localhost:9999", Sources.fromUri("socket://localhost:9999").describe());
    assertEquals("socket ::1:7", Sources.fromUri("socket://[::1]:7").describe());
    assertInstanceOf(SocketTextSource.class, Sources.fromUri("SOCKET://example.com:80"));
  }

  @Test
  void fileAndDirUrisNameADirectorySource() throws Exception {
    Path absolute = dir.toAbsolutePath();
    assertEquals("directory " + absolute, Sources.fromUri(absolute.toUri().toString()).describe());
    assertEquals("directory " + absolute, Sources.fromUri("dir:" + absolute).describe());
    Path in = Files.createDirectory(dir.resolve("in"));
    Path relative = Path.of("").toAbsolutePath().relativize(in);
    assertEquals("directory " + in.toAbsolutePath(), Sources.fromUri("dir:" + relative).describe());
  }

  @Test
  void demoUriNamesTheDemoSource() {
    assertInstanceOf(DemoSource.class, Sources.fromUri("demo:"));
  }

  @Test
  void unknownSchemeSaysWhatWouldBeRight() {
    assertMessage(
        "unknown source URI scheme 'kafka' in 'kafka://broker:9092/topic'; "
            + "use socket://host:port, file:///dir, dir:path, files:paths or demo:",
        "kafka://broker:9092/topic");
  }

  @Test
  void malformedUrisSayWhatWouldBeRight() {
    assertMessage(
        "source URI '/data/in' has no scheme; use socket://host:port, file:///dir, dir:path, files:paths or demo:",
        "/data/in");
    String socketHint = "' must be socket://host:port, such as socket://localhost:9999";
    assertMessage("socket source URI 'socket://localhost" + socketHint, "socket://localhost");
    assertMessage("socket source URI 'socket://:9999" + socketHint, "socket://:9999");
    assertMessage("socket source URI 'socket://h:1/path" + socketHint, "socket://h:1/path");
    assertMessage("port must be between 1 and 65535, was 70000", "socket://h:70000");
    assertMessage(
        "file source URI 'file:relative' must name an absolute directory, such as "
            + "file:///data/in; use dir:path for a relative one",
        "file:relative");
    assertMessage("dir source URI 'dir:' names no directory, such as dir:data/in", "dir:");
    assertMessage("demo source URI takes nothing after 'demo:', was 'demo:x'", "demo:x");
    Path missing = dir.resolve("nope");
    assertMessage("directory source " + missing + ": no such directory", "dir:" + missing);
  }

  private static void assertMessage(String expected, String uri) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sources.fromUri(uri));
    assertEquals(expected, e.getMessage());
  }
}
