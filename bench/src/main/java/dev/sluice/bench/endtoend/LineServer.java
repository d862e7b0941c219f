package dev.sluice.bench.endtoend;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A loopback TCP server that writes corpus batches, pre-encoded as UTF-8 lines, as fast as the
 * client reads them, to the first client that connects; then holds the connection open until {@link
 * #close}, so the client never sees the end of the stream mid-measurement.
 *
 * <p><b>Threads:</b> one server thread of its own; {@link #port} and {@link #close} from any
 * thread. A failure of the server thread is kept and rethrown by {@link #close}.
 */
final class LineServer implements AutoCloseable {

  private final ServerSocket server;
  private final List<byte[]> chunks = new ArrayList<>();
  private final int rounds;
  private final CountDownLatch release = new CountDownLatch(1);
  private final Thread thread;
  private volatile IOException failure;

  /** Serves {@code batches} {@code rounds} times over, on an ephemeral loopback port. */
  LineServer(List<List<String>> batches, int rounds) throws IOException {
    for (List<String> batch : batches) {
      StringBuilder text = new StringBuilder();
      for (String line : batch) {
        text.append(line).append('\n');
      }
      chunks.add(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    this.rounds = rounds;
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "bench-line-server");
    thread.setDaemon(true);
    thread.start();
  }

  /** The port to connect to on the loopback address. */
  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    try (Socket client = server.accept()) {
      OutputStream out = client.getOutputStream();
      for (int round = 0; round < rounds; round++) {
        for (byte[] chunk : chunks) {
          out.write(chunk);
        }
      }
      out.flush();
      release.await();
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Closes the connection and the server; rethrows what failed the server thread. An interrupt
   * stops the wait for the server thread and stays set.
   */
  @Override
  public void close() throws IOException {
    release.countDown();
    server.close();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (failure != null) {
      throw failure;
    }
  }
}
