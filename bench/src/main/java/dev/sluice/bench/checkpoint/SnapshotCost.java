package dev.sluice.bench.checkpoint;

import dev.sluice.runtime.checkpoint.DurableFiles;
import dev.sluice.runtime.checkpoint.StateSnapshot;
import dev.sluice.runtime.checkpoint.StateSnapshot.StageSnapshot;
import dev.sluice.runtime.codec.Codecs;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.snapshot.ImageEncoding;
import dev.sluice.runtime.internal.snapshot.PartitionImage;
import dev.sluice.runtime.internal.snapshot.StageState;
import dev.sluice.runtime.internal.state.Redistribution;
import dev.sluice.runtime.internal.state.UpdateStateStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a state snapshot of 1 M keys costs: an {@code updateStateByKey} stage of {@code String} keys
 * ({@code "word-N"}) and {@code Long} counts over 2 partitions, copied and encoded as the driver
 * does between two batches, written as the log's writer does (atomically, forced), then restored in
 * another fresh JVM as a restart does (read, checked, decoded, split by key over the partitions,
 * restored into new stores). Each step runs through the same runtime calls as the engine.
 *
 * <p>Every round writes in one fresh JVM and restores in another; 5 rounds; medians with the
 * min-max range. Usage: {@code SnapshotCost [--keys N] [--dir DIR]}.
 */
public final class SnapshotCost {

  private static final int PARTITIONS = 2;

  private SnapshotCost() {}

  /** Runs the rounds, or with {@code --one write|restore FILE KEYS}, one step in this JVM. */
  public static void main(String[] args) throws Exception {
    List<String> given = List.of(args);
    int one = given.indexOf("--one");
    if (one >= 0) {
      Path file = Path.of(args[one + 2]);
      int keys = Integer.parseInt(args[one + 3]);
      String result = args[one + 1].equals("write") ? write(file, keys) : restore(file, keys);
      System.out.println("RESULT " + result);
      return;
    }
    int keysArg = given.indexOf("--keys");
    int keys = keysArg >= 0 ? Integer.parseInt(args[keysArg + 1]) : 1_000_000;
    int dirArg = given.indexOf("--dir");
    Path dir =
        dirArg >= 0 ? Path.of(args[dirArg + 1]) : Files.createTempDirectory("sluice-snapshot");
    Path file = dir.resolve("state-00000000000000000009.snap");
    List<double[]> writes = new ArrayList<>();
    List<double[]> restores = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      writes.add(fresh("write", file, keys));
      restores.add(fresh("restore", file, keys));
      System.out.printf(
          Locale.ROOT,
          "round %d: copy %.0f ms, encode and write %.0f ms, %.1f MB; restore %.0f ms%n",
          round + 1,
          writes.get(round)[0],
          writes.get(round)[1],
          writes.get(round)[2] / 1e6,
          restores.get(round)[0]);
    }
    System.out.printf(
        Locale.ROOT,
        "%d keys over %d partitions: copy on the driver %s ms, encode, write and force (the "
            + "writer thread) %s ms, %s MB; "
            + "restore in a fresh JVM %s ms%n",
        keys,
        PARTITIONS,
        range(writes, 0, "%.0f", 1),
        range(writes, 1, "%.0f", 1),
        range(writes, 2, "%.1f", 1e6),
        range(restores, 0, "%.0f", 1));
  }

  /**
   * Fills a stage with {@code keys} keys, copies it and writes the file: "copyMs writeMs bytes".
   */
  private static String write(Path file, int keys) throws IOException {
    List<UpdateStateStore<String, Long, Long>> stores = stores();
    for (UpdateStateStore<String, Long, Long> store : stores) {
      store.open(0);
    }
    for (int k = 0; k < keys; k++) {
      String key = "word-" + k;
      stores.get(Partitioner.partition(key, PARTITIONS)).add(key, (long) k);
    }
    for (UpdateStateStore<String, Long, Long> store : stores) {
      store.update((values, old) -> Optional.of(values.get(0)));
    }
    StageState<String, Long> stage = stage(stores);
    System.gc();
    long start = System.nanoTime();
    List<PartitionImage<String, Long>> images = new ArrayList<>();
    for (UpdateStateStore<String, Long, Long> store : stores) {
      images.add(store.image());
    }
    long copied = System.nanoTime();
    List<byte[]> partitions = new ArrayList<>();
    for (PartitionImage<String, Long> image : images) {
      partitions.add(ImageEncoding.encode(stage, image));
    }
    StateSnapshot snapshot =
        new StateSnapshot(
            9, 10_000, PARTITIONS, List.of(new StageSnapshot("counts", "sig", partitions)));
    byte[] bytes = snapshot.encode();
    DurableFiles.writeAtomically(file, bytes);
    long written = System.nanoTime();
    return (copied - start) / 1e6 + " " + (written - copied) / 1e6 + " " + bytes.length;
  }

  /** Restores the file into new stores: "restoreMs". */
  private static String restore(Path file, int keys) throws IOException {
    long start = System.nanoTime();
    StateSnapshot snapshot = StateSnapshot.decode(Files.readAllBytes(file));
    List<UpdateStateStore<String, Long, Long>> stores = stores();
    StageState<String, Long> stage = stage(stores);
    List<PartitionImage<String, Long>> old = new ArrayList<>();
    for (byte[] bytes : snapshot.stages().get(0).partitions()) {
      old.add(ImageEncoding.decode(stage, bytes));
    }
    List<PartitionImage<String, Long>> images = Redistribution.redistribute(old, PARTITIONS, true);
    long entries = 0;
    for (int p = 0; p < PARTITIONS; p++) {
      stores.get(p).restore(images.get(p));
      entries += images.get(p).entries();
    }
    long restored = System.nanoTime();
    if (entries != keys) {
      throw new IllegalStateException("restored " + entries + " keys, not " + keys);
    }
    return String.valueOf((restored - start) / 1e6);
  }

  private static List<UpdateStateStore<String, Long, Long>> stores() {
    List<UpdateStateStore<String, Long, Long>> stores = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      stores.add(new UpdateStateStore<>(16));
    }
    return stores;
  }

  private static StageState<String, Long> stage(List<UpdateStateStore<String, Long, Long>> stores) {
    return StageState.keyed("counts", "sig", stores, Codecs.string(), Codecs.longs());
  }

  private static String range(List<double[]> rounds, int column, String format, double unit) {
    double[] values = rounds.stream().mapToDouble(r -> r[column] / unit).sorted().toArray();
    return String.format(
        Locale.ROOT,
        format + " (" + format + "-" + format + ")",
        values[values.length / 2],
        values[0],
        values[values.length - 1]);
  }

  private static double[] fresh(String step, Path file, int keys)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            SnapshotCost.class.getName(),
            "--one",
            step,
            file.toString(),
            String.valueOf(keys)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0 || !output.contains("RESULT ")) {
      throw new IllegalStateException("step " + command + " failed:\n" + output);
    }
    String[] figures = output.substring(output.indexOf("RESULT ") + 7).trim().split(" ");
    double[] result = new double[figures.length];
    for (int i = 0; i < figures.length; i++) {
      result[i] = Double.parseDouble(figures[i]);
    }
    return result;
  }
}
