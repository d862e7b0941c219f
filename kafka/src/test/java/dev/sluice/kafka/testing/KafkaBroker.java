package dev.sluice.kafka.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One real Kafka broker in this JVM: KRaft in combined mode (the broker is its own controller),
 * listening on 127.0.0.1 only, with replication factor 1 for the internal topics so that
 * transactions and consumer groups work on one node. It starts in about 2 s.
 *
 * <p>Started as Kafka's own start script does: the storage is formatted with {@link Formatter},
 * then {@link KafkaRaftServer} runs on it. Topics are never created automatically, so a test of an
 * unknown topic sees the real error.
 *
 * <p>Also usable outside JUnit (from a child JVM, a benchmark): {@link #start(Path)} and {@link
 * #close()}.
 *
 * <p><b>Threads:</b> {@link #start}, {@link #stop}, {@link #restart} and {@link #close} from one
 * thread; the other methods from any.
 */
public final class KafkaBroker implements AutoCloseable {

  private final Path directory;
  private final KafkaConfig config;
  private final String bootstrapServers;
  private final boolean ownsDirectory;
  private KafkaRaftServer server;

  private KafkaBroker(
      Path directory, KafkaConfig config, String bootstrapServers, boolean ownsDirectory) {
    this.directory = directory;
    this.config = config;
    this.bootstrapServers = bootstrapServers;
    this.ownsDirectory = ownsDirectory;
  }

  /** Starts a broker in a new temporary directory, deleted at {@link #close()}. */
  public static KafkaBroker start() throws Exception {
    return start(Files.createTempDirectory("sluice-kafka-"), true, Map.of());
  }

  /**
   * Starts a broker with its logs in {@code directory}, which is kept at {@link #close()}, with
   * {@code overrides} over the broker settings below.
   */
  public static KafkaBroker start(Path directory, Map<String, String> overrides) throws Exception {
    return start(directory, false, overrides);
  }

  private static KafkaBroker start(Path directory, boolean owns, Map<String, String> overrides)
      throws Exception {
    int brokerPort = freePort();
    int controllerPort = freePort();
    Path logs = directory.resolve("logs");
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    // Both listeners on the loopback address: never all interfaces.
    props.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", logs.toString());
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    // Small segments and indexes: a test broker holds little data.
    props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
    props.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
    props.putAll(overrides);
    KafkaConfig config = new KafkaConfig(props, false);

    Files.createDirectories(logs);
    new Formatter()
        .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
        .setNodeId(1)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(logs.toString()))
        .setMetadataLogDirectory(logs.toString())
        .setControllerListenerName("CONTROLLER")
        .setReleaseVersion(MetadataVersion.latestProduction())
        .setIgnoreFormatted(true)
        .run();

    KafkaBroker broker = new KafkaBroker(directory, config, "127.0.0.1:" + brokerPort, owns);
    broker.run();
    return broker;
  }

  /**
   * Stops the broker, as a broker restart or an outage would, keeping its data; {@link #restart}
   * starts it again on the same ports.
   */
  public void stop() {
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  /** Starts the broker stopped by {@link #stop} again, on its ports and data, and waits for it. */
  public void restart() throws Exception {
    if (server != null) {
      throw new IllegalStateException("the broker is running");
    }
    run();
  }

  private void run() throws Exception {
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    awaitReady();
  }

  /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** A new admin client of this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** Waits until the broker answers metadata requests, i.e. it has registered with itself. */
  private void awaitReady() throws Exception {
    try (Admin admin = admin()) {
      admin.describeCluster().nodes().get();
    }
  }

  /** Stops the broker and, if it made its directory, deletes it. */
  @Override
  public void close() {
    if (server != null) {
      stop();
    }
    if (ownsDirectory) {
      deleteTree(directory);
    }
  }

  private static int freePort() throws IOException {
    // The port is free now; another process could take it before the broker binds it, which on a
    // test machine is rare enough, and shows as a clear bind error.
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
