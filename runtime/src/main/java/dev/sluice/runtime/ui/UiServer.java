package dev.sluice.runtime.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's HTTP server on a small pool of its own (two daemon threads, so a slow browser never
 * holds up another request and the server never keeps the JVM alive), answering only GET and HEAD.
 * It takes the given port, or with {@link #FIRST_FREE} the first free one from 4040 on (16 tries,
 * like Spark).
 *
 * <p><b>Threads:</b> {@link #start} and {@link #stop} from any one thread at a time; requests run
 * on the pool. A handler's exception answers 500 and is logged at debug.
 */
final class UiServer {

  /** The port setting that means: the first free port from {@link #BASE_PORT} on. */
  static final int FIRST_FREE = -1;

  static final int BASE_PORT = 4040;
  static final int TRIES = 16;

  private static final Logger log = LoggerFactory.getLogger(UiServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private UiServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds {@code host} and {@code port} and starts serving {@code handler} on threads named {@code
   * name-N}.
   *
   * @throws IOException if no port could be bound
   */
  static UiServer start(String host, int port, String name, Route handler) throws IOException {
    InetAddress address = InetAddress.getByName(host);
    HttpServer server = bind(address, port);
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new NamedThreads(name));
    executor.allowCoreThreadTimeOut(true);
    server.setExecutor(executor);
    server.createContext("/", new Dispatch(handler));
    server.start();
    return new UiServer(server, executor);
  }

  /** Where the server listens, such as {@code http://127.0.0.1:4040/}. */
  URI address() {
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + bound.getPort() + "/");
  }

  /** Stops listening and ends the pool; requests in flight finish. */
  void stop() {
    server.stop(0);
    executor.shutdown();
  }

  private static HttpServer bind(InetAddress address, int port) throws IOException {
    if (port != FIRST_FREE) {
      return HttpServer.create(new InetSocketAddress(address, port), 0);
    }
    BindException last = null;
    for (int p = BASE_PORT; p < BASE_PORT + TRIES; p++) {
      try {
        return HttpServer.create(new InetSocketAddress(address, p), 0);
      } catch (BindException e) {
        last = e;
      }
    }
    throw new BindException(
        "no free port in " + BASE_PORT + "-" + (BASE_PORT + TRIES - 1) + ": " + last.getMessage());
  }

  /** What the server answers: a request and its decoded path, without the leading slash. */
  @FunctionalInterface
  interface Route {
    void handle(HttpExchange exchange, String path) throws IOException;
  }

  private record Dispatch(Route route) implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
          exchange.getResponseHeaders().set("Allow", "GET, HEAD");
          exchange.sendResponseHeaders(405, -1);
          return;
        }
        String path = exchange.getRequestURI().getPath();
        route.handle(exchange, path.startsWith("/") ? path.substring(1) : path);
      } catch (IOException | RuntimeException e) {
        log.debug("UI request {} failed", exchange.getRequestURI(), e);
        try {
          exchange.sendResponseHeaders(500, -1);
        } catch (IOException | RuntimeException alreadySent) {
          // the response had started; the client sees a cut-off answer
        }
      }
    }
  }

  private static final class NamedThreads implements ThreadFactory {
    private final String name;
    private int count;

    NamedThreads(String name) {
      this.name = name;
    }

    @Override
    public synchronized Thread newThread(Runnable task) {
      Thread thread = new Thread(task, name + "-" + count++);
      thread.setDaemon(true);
      return thread;
    }
  }
}
