package dev.sluice.processor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Codec;
import dev.sluice.processor.Compilations;
import dev.sluice.processor.Examples;
import dev.sluice.runtime.internal.snapshot.ImageEncoding;
import dev.sluice.runtime.internal.snapshot.StageState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The {@code stageStates()} of generated programs: one entry per stateful stage with its name,
 * signature and codecs, and the generated codecs of records, enums, lists, optionals, maps and
 * {@code @StateCodec} types round-tripping real values.
 */
class StateCodecsTest {

  /** A pipeline keeping a record with every kind of component as its state. */
  static JavaFileObject shapes() {
    return Compilations.source(
        "p.Shapes",
        "package p;",
        "import dev.sluice.api.Codec;",
        "import dev.sluice.api.KV;",
        "import dev.sluice.api.Sink;",
        "import dev.sluice.api.Source;", // 5
        "import dev.sluice.api.annotation.*;",
        "import dev.sluice.runtime.codec.Codecs;",
        "import dev.sluice.runtime.sink.Sinks;",
        "import dev.sluice.runtime.source.Sources;",
        "import java.io.DataInput;", // 10
        "import java.io.DataOutput;",
        "import java.io.IOException;",
        "import java.util.LinkedHashSet;",
        "import java.util.List;",
        "import java.util.Optional;", // 15
        "import java.util.Set;",
        "@Pipeline(batchInterval = \"1s\", generateMain = false)",
        "final class Shapes {",
        "  enum Color { RED, GREEN }",
        "  record Pair<A, B>(A first, B second) {}", // 20
        "  record Node(String name, List<Node> children) {}",
        "  record Everything(boolean flag, byte small, short mid, char letter, int count,",
        "      long total, float ratio, double mean, String text, Color color,",
        "      List<String> names, Optional<Integer> maybe,",
        "      java.util.Map<String, List<Long>> index, Pair<String, Integer> pair, Node tree,",
        "      Set<String> tags, Integer boxed) {}",
        "  @StateCodec static Codec<Set<String>> tags() {",
        "    Codec<List<String>> list = Codecs.list(Codecs.string());",
        "    return new Codec<>() {",
        "      @Override public void write(Set<String> value, DataOutput out) throws IOException {",
        "        list.write(List.copyOf(value), out);",
        "      }",
        "      @Override public Set<String> read(DataInput in) throws IOException {",
        "        return new LinkedHashSet<>(list.read(in));",
        "      }",
        "    };",
        "  }",
        "  @Input static Source<String> lines() { return Sources.demo(); }",
        "  @Map(from = \"lines\") static KV<Color, Long> pairs(String line) {",
        "    return KV.of(Color.RED, 1L);",
        "  }",
        "  @UpdateStateByKey(from = \"pairs\")",
        "  static Optional<Everything> everything(List<Long> values, Optional<Everything> state) {",
        "    return state;",
        "  }",
        "  @Output(from = \"everything\")",
        "  static Sink<KV<Color, Everything>> print() { return Sinks.print(); }",
        "}");
  }

  @Test
  void aRecordOfEveryShapeCompilesStrictlyAndRoundTrips() throws Exception {
    String generated =
        Compilations.generated(Compilations.compileStrict(shapes()), "p.ShapesPipeline");
    // one field per codec, also for a record met again inside itself
    assertEquals(1, generated.split("= Codecs.nullable\\(NODE_CODEC\\);", -1).length - 1);
    assertEquals(1, generated.split("= new NodeCodec\\(\\);", -1).length - 1);
    CompiledPipeline pipeline = CompiledPipeline.compile("p.Shapes", shapes());
    List<StageState<?, ?>> states = pipeline.program(2).program().stageStates();
    assertEquals(1, states.size());
    StageState<?, ?> state = states.get(0);
    assertEquals("everything", state.name());
    assertEquals(
        "updateStateByKey Shapes.Color -> Shapes.Everything; Shapes.Everything(boolean flag, byte"
            + " small, short mid, char letter, int count, long total, float ratio, double mean,"
            + " String text, Shapes.Color color, List<String> names, Optional<Integer> maybe,"
            + " Map<String, List<Long>> index, Shapes.Pair<String, Integer> pair, Shapes.Node"
            + " tree, Set<String> tags, Integer boxed); Shapes.Pair<String, Integer>(String first,"
            + " Integer second); Shapes.Node(String name, List<Shapes.Node> children)",
        state.signature());
    assertEquals(2, state.partitions().size());
    assertEquals("Codecs.enums(p.Shapes$Color)", state.keys().toString());

    Class<?> color = pipeline.load("p.Shapes$Color");
    Object green = color.getEnumConstants()[1];
    Object leaf = record(pipeline, "p.Shapes$Node", "leaf", List.of());
    Object tree = record(pipeline, "p.Shapes$Node", "root", Arrays.asList(leaf, null));
    Map<String, List<Long>> index = new LinkedHashMap<>();
    index.put("z", List.of(1L, 2L));
    index.put("a", Arrays.asList((Long) null));
    index.put(null, List.of());
    Object everything =
        record(
            pipeline,
            "p.Shapes$Everything",
            true,
            (byte) -3,
            (short) 300,
            'q',
            42,
            -7L,
            1.5f,
            Math.PI,
            "t\u00e9xt",
            green,
            Arrays.asList("x", null),
            Optional.of(9),
            index,
            record(pipeline, "p.Shapes$Pair", "one", 1),
            tree,
            new LinkedHashSet<>(List.of("b", "a")),
            null);
    Object read = roundTrip(state.values(), everything);
    assertEquals(everything, read);
    Method indexOf = read.getClass().getDeclaredMethod("index");
    indexOf.setAccessible(true);
    assertEquals(
        List.of("z", "a", "null"),
        ((Map<?, ?>) indexOf.invoke(read)).keySet().stream().map(String::valueOf).toList());
    assertEquals(green, roundTrip(state.keys(), green));
  }

  /**
   * Every kind of window of WindowOps, with its name, signature, codecs and stores (a window of
   * records has one store: it runs as one task over the batch).
   */
  @Test
  void everyWindowListsItsStoreWithItsSignatureAndCodecs() throws Exception {
    CompiledPipeline pipeline =
        CompiledPipeline.compile(
            "dev.sluice.examples.semantics.WindowOps", Examples.semantics("WindowOps"));
    List<String> listed = new ArrayList<>();
    for (StageState<?, ?> state : pipeline.program(2).program().stageStates()) {
      listed.add(
          state.name()
              + ": "
              + state.signature()
              + " | "
              + state.keys()
              + " | "
              + (state.values().toString().startsWith("Codecs.")
                  ? state.values().toString()
                  : "generated")
              + " | "
              + state.partitions().size());
    }
    assertEquals(
        List.of(
            "recent: window String, window 4s sliding 2s | null | Codecs.string() | 1",
            "sums: reduceByKeyAndWindow String -> long, window 3s sliding every batch"
                + " | Codecs.string() | Codecs.longs() | 2",
            "running: reduceByKeyAndWindow String -> long, window 3s sliding 2s, with inverse"
                + " | Codecs.string() | Codecs.longs() | 2",
            "filtered: reduceByKeyAndWindow String -> long, window 3s sliding 2s, with inverse"
                + " | Codecs.string() | Codecs.longs() | 3",
            "longest: reduceByWindow int, window 2s sliding every batch"
                + " | Codecs.alwaysNull() | Codecs.longs() | 1",
            "counted: countByWindow, window 3s sliding 2s | Codecs.alwaysNull() | Codecs.longs()"
                + " | 1",
            "grouped: groupByKeyAndWindow String -> Integer, window 4s sliding 2s"
                + " | Codecs.string() | Codecs.integers() | 2",
            "frequencies: countByValueAndWindow String, window 3s sliding 2s"
                + " | Codecs.string() | Codecs.longs() | 2",
            "recentInitials: window KV<String, Integer>, window 2s sliding 2s | null | generated"
                + " | 1",
            "recentWords: window KV<String, Long>, window 4s sliding 2s | null | generated | 1"),
        listed);
  }

  /**
   * SessionTracking's record state and WindowOps' windows (null keys, raw long slots, records of
   * KV) go through real store images: batches 0-2 run, every store's image is encoded with the
   * generated codecs, decoded and restored into a new program, which then computes batches 3-5
   * exactly as a program that never stopped.
   */
  @Test
  void storesRestoredThroughTheGeneratedCodecsGoOnAsIfNeverStopped() throws Exception {
    List<List<?>> events =
        List.of(
            List.of("ann,1", "ben,2", "ann,2"),
            List.of("cid,3"),
            List.of("ann,4", "cid,5"),
            List.of(),
            List.of("ben,7", "cid,8"),
            List.of("ann,9", "dee,9"));
    continuesAfterRestore(
        CompiledPipeline.compile(
            "dev.sluice.examples.SessionTracking", Examples.named("SessionTracking")),
        events);
    List<List<?>> words =
        List.of(
            List.of("a", "bb", "a"),
            List.of("ccc", "a"),
            List.of("bb"),
            List.of(),
            List.of("a", "dddd"),
            List.of("bb", "a"));
    continuesAfterRestore(
        CompiledPipeline.compile(
            "dev.sluice.examples.semantics.WindowOps", Examples.semantics("WindowOps")),
        words);
  }

  private static void continuesAfterRestore(CompiledPipeline pipeline, List<List<?>> batches)
      throws Exception {
    CompiledPipeline.Program whole = pipeline.program(2);
    CompiledPipeline.Program before = pipeline.program(2);
    CompiledPipeline.Program after = pipeline.program(2);
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (int batch = 0; batch < batches.size(); batch++) {
      String outputs =
          whole.run(List.of(batches.get(batch)), batch, 1000L * (batch + 1)).toString();
      if (batch < 3) {
        before.run(List.of(batches.get(batch)), batch, 1000L * (batch + 1));
        continue;
      }
      if (batch == 3) {
        restore(before.program().stageStates(), after.program().stageStates());
      }
      expected.add(outputs);
      actual.add(after.run(List.of(batches.get(batch)), batch, 1000L * (batch + 1)).toString());
    }
    assertEquals(expected, actual);
  }

  /** Copies every store of {@code from} into {@code to} through encoded images. */
  private static void restore(List<StageState<?, ?>> from, List<StageState<?, ?>> to)
      throws IOException {
    assertEquals(from.size(), to.size());
    for (int i = 0; i < from.size(); i++) {
      restoreStage(from.get(i), to.get(i));
    }
  }

  @SuppressWarnings("unchecked") // both stages are the same stage of one generated program
  private static <K, V> void restoreStage(StageState<K, V> from, StageState<?, ?> other)
      throws IOException {
    StageState<K, V> to = (StageState<K, V>) other;
    assertEquals(from.name(), to.name());
    for (int p = 0; p < from.partitions().size(); p++) {
      byte[] bytes = ImageEncoding.encode(from, from.partitions().get(p).image());
      to.partitions().get(p).restore(ImageEncoding.decode(to, bytes));
    }
  }

  private static Object record(CompiledPipeline pipeline, String binaryName, Object... values)
      throws ReflectiveOperationException {
    Class<?> type = pipeline.load(binaryName);
    Class<?>[] parameters =
        Arrays.stream(type.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    Constructor<?> constructor = type.getDeclaredConstructor(parameters);
    constructor.setAccessible(true);
    return constructor.newInstance(values);
  }

  @SuppressWarnings("unchecked") // the codec is the one of the value's type
  static Object roundTrip(Codec<?> codec, Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      ((Codec<Object>) codec).write(value, out);
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    Object read = codec.read(in);
    assertEquals(-1, in.read(), "bytes left after the value");
    return read;
  }
}
