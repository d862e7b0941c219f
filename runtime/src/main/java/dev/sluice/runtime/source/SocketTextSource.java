package dev.sluice.runtime.source;

import dev.sluice.api.Codec;
import dev.sluice.api.Receiver;
import dev.sluice.api.ReceiverSource;
import dev.sluice.api.ReceiverStoppedException;
import dev.sluice.runtime.codec.Codecs;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP client that stores every UTF-8 line it reads, like Spark Streaming's {@code
 * socketTextStream}, and reconnects with exponential back-off when the connection is refused or
 * drops.
 *
 * <p>Lines end at {@code \n} or {@code \r\n}; malformed UTF-8 becomes U+FFFD. A line longer than
 * {@link SocketOptions#maxLineLength()} is skipped up to the next newline and reported with a WARN.
 * Connection trouble is logged without stack traces: the first failure as a WARN, further attempts
 * as DEBUG, and the next successful connect as an INFO, so an absent server costs one WARN line,
 * not one per attempt. Each failed attempt and skipped line is also reported to the pipeline
 * ({@link Receiver#reportError}), whose UI shows the input's last error and counts them.
 *
 * <p><b>Threads:</b> {@link #receive} runs on the runtime's receiving thread, once; {@link #stop()}
 * and {@link #close()} may be called from any thread, any number of times. <b>Progress:</b> {@code
 * receive} blocks in connect, read and back-off waits; {@code stop} does not block.
 * <b>Visibility:</b> the current socket is published through a volatile field and the stop request
 * through a latch, so {@code stop} either sees the socket and closes it (ending a blocked connect
 * or read) or the receiving thread sees the stop before using the socket. <b>Backpressure and
 * failure:</b> {@link Receiver#store} blocks while the pipeline is full, which stops reading and
 * lets TCP flow control slow the peer; I/O errors never fail the pipeline, they only cause a
 * reconnect. <b>Allocation:</b> one {@code String} per line; buffers are per connection.
 */
final class SocketTextSource implements ReceiverSource<String> {

  private final String host;
  private final int port;
  private final SocketOptions options;
  private final Logger log;
  private final String name;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private volatile Socket socket;

  SocketTextSource(String host, int port, SocketOptions options) {
    this(host, port, options, LoggerFactory.getLogger(SocketTextSource.class));
  }

  /** With the logger given, so that tests can read exactly what is logged. */
  SocketTextSource(String host, int port, SocketOptions options, Logger log) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
    }
    this.host = host;
    this.port = port;
    this.options = options;
    this.log = log;
    this.name = "Socket source " + host + ":" + port;
  }

  /** Lines are logged as UTF-8, so a checkpointed pipeline's socket input survives a crash. */
  @Override
  public Codec<String> recordCodec() {
    return Codecs.string();
  }

  @Override
  public String describe() {
    return "socket " + host + ":" + port;
  }

  @Override
  public void receive(Receiver<String> receiver) {
    long backoffMs = options.initialBackoff().toMillis();
    boolean everConnected = false;
    boolean failing = false;
    while (!stopping(receiver)) {
      Attempt attempt = attempt(receiver, everConnected);
      if (attempt.problem() == null || stopping(receiver)) {
        return;
      }
      if (attempt.connected()) {
        everConnected = true;
        failing = false;
        backoffMs = options.initialBackoff().toMillis();
      }
      receiver.reportError(attempt.problem() + "; retrying in " + formatMillis(backoffMs), null);
      String message = "{}: {}; retrying in {}";
      if (failing) {
        log.debug(message, name, attempt.problem(), formatMillis(backoffMs));
      } else {
        log.warn(message, name, attempt.problem(), formatMillis(backoffMs));
      }
      failing = true;
      if (awaitStop(backoffMs)) {
        return;
      }
      backoffMs = Math.min(backoffMs * 2, options.maxBackoff().toMillis());
    }
  }

  /** Closes the socket so that a blocked connect or read returns, and ends back-off waits. */
  @Override
  public void stop() {
    stopRequested.countDown();
    Socket current = socket;
    if (current != null) {
      closeQuietly(current);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Connects once and, if that works, stores lines until the connection ends. */
  private Attempt attempt(Receiver<String> receiver, boolean reconnect) {
    Socket current = new Socket();
    socket = current;
    try {
      if (stopRequested.getCount() == 0) {
        return Attempt.STOPPED; // stop() may have run before the socket was published
      }
      try {
        current.connect(
            new InetSocketAddress(host, port), (int) options.connectTimeout().toMillis());
      } catch (IOException e) {
        return new Attempt(false, connectProblem(e));
      }
      log.info("{}: {}", name, reconnect ? "reconnected" : "connected");
      return new Attempt(true, readLines(current, receiver));
    } finally {
      socket = null;
      closeQuietly(current);
    }
  }

  /**
   * Stores the socket's lines until it ends: the problem to report, or {@code null} when the source
   * is stopping.
   */
  private String readLines(Socket current, Receiver<String> receiver) {
    try {
      LineReader lines =
          new LineReader(
              new InputStreamReader(current.getInputStream(), StandardCharsets.UTF_8),
              options.maxLineLength(),
              length -> {
                String skipped =
                    "skipped a line of "
                        + length
                        + " characters, longer than the maximum of "
                        + options.maxLineLength();
                log.warn("{}: {}", name, skipped);
                receiver.reportError(skipped, null);
              });
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        receiver.store(line);
        if (receiver.isStopped()) {
          return null;
        }
      }
      return "connection closed by peer";
    } catch (ReceiverStoppedException e) {
      return null;
    } catch (IOException e) {
      return stopRequested.getCount() == 0 ? null : "connection lost (" + e.getMessage() + ")";
    }
  }

  private String connectProblem(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof SocketTimeoutException) {
      return "no connection within " + formatMillis(options.connectTimeout().toMillis());
    }
    return "cannot connect (" + e.getMessage() + ")";
  }

  /** Waits out a back-off; whether the source was stopped (or interrupted) meanwhile. */
  private boolean awaitStop(long millis) {
    try {
      return stopRequested.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the runtime interrupts to stop; keep the flag
      return true;
    }
  }

  private boolean stopping(Receiver<String> receiver) {
    return stopRequested.getCount() == 0
        || receiver.isStopped()
        || Thread.currentThread().isInterrupted();
  }

  /** {@code 1 s} for whole seconds, else {@code 250 ms}. */
  static String formatMillis(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private void closeQuietly(Socket current) {
    try {
      current.close();
    } catch (IOException e) {
      log.debug("{}: closing the socket failed: {}", name, e.toString());
    }
  }

  /**
   * How one connection attempt ended.
   *
   * @param connected whether the connect succeeded
   * @param problem what went wrong, for the log; {@code null} when the source is stopping
   */
  private record Attempt(boolean connected, String problem) {
    static final Attempt STOPPED = new Attempt(false, null);
  }
}
