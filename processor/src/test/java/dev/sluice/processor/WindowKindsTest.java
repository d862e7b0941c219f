package dev.sluice.processor;

import static dev.sluice.processor.Compilations.compileStrict;
import static dev.sluice.processor.Compilations.generated;
import static dev.sluice.processor.Compilations.pipeline;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One successful pipeline per window operator and {@code updateStateByKey}, compiled by the
 * processor and its generated code recompiled under {@code -Xlint:all -Werror}, with the generated
 * lines that matter checked: the store, its spec from the interval, and the output's slide.
 */
class WindowKindsTest {

  private static String compiled(String stage, String... method) {
    String[] lines = new String[method.length + 7];
    lines[0] = "@Pipeline(batchInterval = \"2s\")";
    lines[1] = "final class Win {";
    lines[2] = "  @Input static Source<String> lines() { return Sources.demo(); }";
    boolean pairs = String.join("", method).contains("\"pairs\"");
    lines[3] = pairs ? "  @Map(from = \"lines\") static KV<String, Long> pairs(String s) {" : "";
    lines[4] = pairs ? "    return KV.of(s, 1L);" : "";
    lines[5] = pairs ? "  }" : "";
    System.arraycopy(method, 0, lines, 6, method.length);
    lines[method.length + 6] =
        "  @Output(from = \""
            + stage
            + "\") static Sink<Object> print() { return Sinks.print(); } }";
    return generated(compileStrict(pipeline("Win", lines)), "p.WinPipeline");
  }

  private static void assertContains(String source, String... expected) {
    for (String line : expected) {
      assertTrue(source.contains(line), () -> "missing <" + line + "> in:\n" + source);
    }
  }

  @Test
  void window() {
    assertContains(
        compiled(
            "recent",
            "  @Window(from = \"lines\", window = \"6s\", slide = \"4s\")",
            "  static String recent(String s) { return s; }"),
        "WindowSpec recentSpec = WindowSpec.of(\"Win\", \"recent\", 6000L, 4000L, interval);",
        "new OutputSlot(\"print\", print, 1, recentSpec.slide())",
        "this.recentWindow.add(new RecordWindowSlots<>(recentSpec));");
  }

  @Test
  void reduceByKeyAndWindowWithoutInverse() {
    assertContains(
        compiled(
            "counts",
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"6s\")",
            "  static long counts(long a, long b) { return a + b; }"),
        "WindowSpec countsSpec = WindowSpec.of(\"Win\", \"counts\", 6000L, interval, interval);",
        "new LongWindowSlots<>(countsSpec, 16)",
        "windowed = window.reduceWindow(batchIndex, this::countsReduce);");
  }

  @Test
  void reduceByKeyAndWindowWithInverseAndFilter() {
    assertContains(
        compiled(
            "counts",
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"6s\", slide = \"4s\",",
            "      inverse = \"minus\", filter = \"kept\")",
            "  static long counts(long a, long b) { return a + b; }",
            "  static long minus(long a, long b) { return a - b; }",
            "  static boolean kept(String key, long count) { return count > 0; }"),
        "new LongInverseWindow<>(countsSpec, this::countsReduce, this::countsInverse,"
            + " this::countsFilter, 16)",
        "windowed = window.slide(batchIndex);");
  }

  @Test
  void boxedReduceByKeyAndWindow() {
    assertContains(
        compiled(
            "counts",
            "  @ReduceByKeyAndWindow(from = \"pairs\", window = \"6s\", inverse = \"minus\")",
            "  static Long counts(Long a, Long b) { return a + b; }",
            "  static Long minus(Long a, Long b) { return a - b; }"),
        "new ObjectInverseWindow<>(countsSpec, this::countsReduce, this::countsInverse, null, 16)");
  }

  @Test
  void reduceByWindow() {
    assertContains(
        compiled(
            "longest",
            "  @Map(from = \"lines\") static int lengths(String s) { return s.length(); }",
            "  @ReduceByWindow(from = \"lengths\", window = \"4s\")",
            "  static int longest(int a, int b) { return Math.max(a, b); }"),
        "new LongWindowSlots<>(longestSpec, 16)");
  }

  @Test
  void countByWindow() {
    assertContains(
        compiled(
            "counted",
            "  @CountByWindow(from = \"lines\", window = \"6s\", slide = \"4s\")",
            "  static long counted(long count) { return count; }"),
        "new LongInverseWindow<>(countedSpec, Long::sum, (a, b) -> a - b, null, 16)");
  }

  @Test
  void groupByKeyAndWindow() {
    assertContains(
        compiled(
            "grouped",
            "  @GroupByKeyAndWindow(from = \"pairs\", window = \"6s\", slide = \"2s\")",
            "  static String grouped(String key, java.util.List<Long> values) {",
            "    return key + values;",
            "  }"),
        "new GroupWindowSlots<>(groupedSpec, 16)",
        "window.groupWindow(batchIndex)");
  }

  @Test
  void countByValueAndWindow() {
    assertContains(
        compiled(
            "frequencies",
            "  @CountByValueAndWindow(from = \"lines\", window = \"6s\", partitions = 3)",
            "  static String frequencies(String value, long count) { return value + count; }"),
        "new LongInverseWindow<>(frequenciesSpec, Long::sum, (a, b) -> a - b, (value, count) ->"
            + " count != 0, 16)",
        "new OutputSlot(\"print\", print, 3, frequenciesSpec.slide())");
  }

  @Test
  void updateStateByKey() {
    assertContains(
        compiled(
            "running",
            "  @UpdateStateByKey(from = \"pairs\")",
            "  static java.util.Optional<Long> running(java.util.List<Long> values,",
            "      java.util.Optional<Long> state) {",
            "    return java.util.Optional.of(state.orElse(0L) + values.size());",
            "  }"),
        "this.runningState.add(new UpdateStateStore<>(16));",
        "ObjectValueMap<String, Long> updated = state.update(this::runningUpdate);");
  }

  @Test
  void mapWithStateWithSnapshots() {
    String source =
        compiled(
            "snapshots",
            "  @MapWithState(from = \"pairs\", timeout = \"6s\", fullScanBatches = 5)",
            "  static String track(String key, java.util.Optional<Long> value, State<Long> state) {",
            "    state.update(state.getOption().orElse(0L) + value.orElse(0L));",
            "    return key;",
            "  }",
            "  @StateSnapshots(from = \"track\")",
            "  static String snapshots(String key, Long state) { return key + state; }");
    assertContains(
        source,
        "this.trackState.add(new MapWithStateStore<>(6000L, 5, 16));",
        "state.beginBatch(batchIndex, batchTime);",
        "track = Win.track(key, Optional.of(values.get(v)), state.open(key));",
        "track = Win.track(idleKey, Optional.empty(), state.openTimingOut(t));",
        "snapshots = Win.snapshots(stateKey, state.state(entry));");
  }
}
