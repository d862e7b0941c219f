package dev.sluice.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SocketTextSourceTest {

  private static final InetAddress LOOPBACK = loopback();
  private static final SocketOptions FAST =
      SocketOptions.DEFAULTS.withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));

  private final RecordingLogger log = new RecordingLogger();
  private final CollectingReceiver receiver = new CollectingReceiver();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private SocketTextSource source;
  private Thread receiving;

  @AfterEach
  void stopSource() throws InterruptedException {
    if (source != null) {
      source.stop();
      receiving.join(5_000);
      assertFalse(receiving.isAlive(), "receive did not return after stop()");
      assertNull(failure.get());
    }
  }

  @Test
  void storesUtf8LinesInOrderWithCrlf() throws Exception {
    try (ServerSocket server = listen(0)) {
      start(server.getLocalPort(), FAST);
      try (Socket peer = server.accept()) {
        OutputStream out = peer.getOutputStream();
        out.write("one\r\ntwo\n".getBytes(StandardCharsets.UTF_8));
        byte[] multiByte = "hé€😀 ok\n".getBytes(StandardCharsets.UTF_8);
        out.write(multiByte, 0, 4); // ends inside the euro sign's three bytes
        out.flush();
        assertEquals("one", receiver.next());
        assertEquals("two", receiver.next());
        out.write(multiByte, 4, multiByte.length - 4);
        out.flush();
        assertEquals("hé€😀 ok", receiver.next());
      }
    }
  }

  @Test
  void skipsAndReportsAnOverLongLine() throws Exception {
    try (ServerSocket server = listen(0)) {
      int port = server.getLocalPort();
      start(port, FAST.withMaxLineLength(10));
      try (Socket peer = server.accept()) {
        String lines = "short\n" + "x".repeat(25) + "\r\n" + "exactly 10\nafter\n";
        peer.getOutputStream().write(lines.getBytes(StandardCharsets.UTF_8));
        assertEquals("short", receiver.next());
        assertEquals("exactly 10", receiver.next());
        assertEquals("after", receiver.next());
        assertEquals(
            List.of(
                "INFO Socket source 127.0.0.1:" + port + ": connected",
                "WARN Socket source 127.0.0.1:"
                    + port
                    + ": skipped a line of 25 characters, longer than the maximum of 10"),
            log.infoAndAbove());
        assertEquals(
            List.of("skipped a line of 25 characters, longer than the maximum of 10"),
            receiver.errors,
            "reported before the next line was stored");
      }
    }
  }

  @Test
  void reconnectsToANewServerOnTheSamePort() throws Exception {
    int port;
    Socket firstPeer;
    try (ServerSocket first = listen(0)) {
      port = first.getLocalPort();
      start(port, FAST);
      firstPeer = first.accept();
    } // stops listening first, so that reconnection attempts are refused until the second server
    try (firstPeer) {
      firstPeer.getOutputStream().write("before\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("before", receiver.next());
    String name = "Socket source 127.0.0.1:" + port;
    log.await("WARN " + name + ": connection closed by peer; retrying in 10 ms");
    try (ServerSocket second = listen(port);
        Socket peer = second.accept()) {
      peer.getOutputStream().write("after\n".getBytes(StandardCharsets.UTF_8));
      assertEquals("after", receiver.next());
    }
    assertEquals(
        List.of(
            "INFO " + name + ": connected",
            "WARN " + name + ": connection closed by peer; retrying in 10 ms",
            "INFO " + name + ": reconnected"),
        log.infoAndAbove().subList(0, 3));
  }

  @Test
  void warnsOnceWhileRefusedThenConnects() throws Exception {
    int port = freePort();
    start(port, FAST);
    String name = "Socket source 127.0.0.1:" + port;
    log.await("WARN " + name + ": connection refused; retrying in 10 ms");
    log.await("DEBUG " + name + ": connection refused; retrying in 20 ms");
    log.await("DEBUG " + name + ": connection refused; retrying in 40 ms");
    try (ServerSocket server = listen(port);
        Socket peer = server.accept()) {
      peer.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
      assertEquals("hello", receiver.next());
    }
    assertEquals(
        List.of(
            "WARN " + name + ": connection refused; retrying in 10 ms",
            "INFO " + name + ": connected"),
        log.infoAndAbove().subList(0, 2));
    assertEquals(
        List.of(
            "connection refused; retrying in 10 ms",
            "connection refused; retrying in 20 ms",
            "connection refused; retrying in 40 ms"),
        receiver.errors.subList(0, 3),
        "every attempt reported, not only the logged one");
    assertFalse(log.events().stream().anyMatch(RecordingLogger.Event::withThrowable));
  }

  @Test
  void stopUnblocksABlockedRead() throws Exception {
    try (ServerSocket server = listen(0)) {
      start(server.getLocalPort(), FAST);
      try (Socket peer = server.accept()) {
        log.await("INFO Socket source 127.0.0.1:" + server.getLocalPort() + ": connected");
        source.stop();
        receiving.join(5_000);
        assertFalse(receiving.isAlive(), "receive still blocked after stop()");
        assertEquals(0, receiver.pending());
        assertEquals(1, log.infoAndAbove().size(), log.infoAndAbove().toString());
        assertEquals(-1, peer.getInputStream().read(), "the source closed its socket");
      }
    }
  }

  @Test
  void stopEndsABackoffWait() throws Exception {
    int port = freePort();
    start(port, FAST.withBackoff(Duration.ofMinutes(10), Duration.ofMinutes(10)));
    log.await("WARN Socket source 127.0.0.1:" + port + ": connection refused; retrying in 600 s");
    source.stop();
    receiving.join(5_000);
    assertFalse(receiving.isAlive(), "receive still waiting after stop()");
  }

  @Test
  void returnsWhenTheReceiverStops() throws Exception {
    try (ServerSocket server = listen(0)) {
      start(server.getLocalPort(), FAST);
      try (Socket peer = server.accept()) {
        peer.getOutputStream().write("one\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("one", receiver.next());
        receiver.stop();
        peer.getOutputStream().write("two\n".getBytes(StandardCharsets.UTF_8));
        receiving.join(5_000);
        assertFalse(receiving.isAlive(), "receive did not return after the receiver stopped");
      }
    }
  }

  @Test
  void describesItselfByHostAndPort() {
    assertEquals("socket localhost:9999", Sources.socketText("localhost", 9999).describe());
  }

  private void start(int port, SocketOptions options) {
    source = new SocketTextSource("127.0.0.1", port, options, log);
    receiving =
        new Thread(
            () -> {
              try {
                source.receive(receiver);
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "receiver");
    receiving.start();
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(LOOPBACK, port));
    return server;
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = listen(0)) {
      return probe.getLocalPort();
    }
  }
}
