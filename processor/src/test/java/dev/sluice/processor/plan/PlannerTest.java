package dev.sluice.processor.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.processor.model.PipelineGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner over plain graphs: segment cuts, fusion, fan-out, order, dead stages. */
class PlannerTest {

  private static List<String> names(ExecutionPlan plan) {
    return plan.segments().stream().map(Segment::name).toList();
  }

  private static String roles(Segment segment) {
    return String.join(
        " ",
        segment.allSteps().stream().map(step -> step.stage().name() + ":" + step.role()).toList());
  }

  @Test
  void wordCountCutsIntoTwoSegmentsAtTheReduce() {
    PipelineGraph graph =
        Graphs.pipeline()
            .input("lines")
            .flatMap("words", "lines")
            .pairs("pairs", "words")
            .reduce("counts", "pairs", 0)
            .output("print", "counts")
            .build();
    ExecutionPlan plan = Planner.plan(graph);

    assertEquals(List.of("lines -> words -> pairs", "counts -> print"), names(plan));
    Segment map = plan.segments().get(0);
    assertEquals("lines_words_pairs", map.methodName());
    assertEquals("words:TRANSFORM pairs:TRANSFORM counts:COMBINE", roles(map));
    assertTrue(map.readsInput());
    Segment reduce = plan.segments().get(1);
    assertEquals("counts_print", reduce.methodName());
    assertEquals("print:COLLECT", roles(reduce));
    assertFalse(reduce.readsInput());
    assertEquals(List.of(new Shuffle(graph.stage("counts"), 0, 1)), plan.shuffles());
  }

  @Test
  void eachSegmentListsWhatItsMethodReadsOnceInParameterOrder() {
    ExecutionPlan plan =
        Planner.plan(
            Graphs.pipeline()
                .input("lines")
                .pairs("pairs", "lines")
                .reduce("counts", "pairs", 0)
                .output("print", "counts")
                .output("echo", "lines")
                .build());

    assertEquals(
        List.of("lines:INPUT_PARTITION", "counts:MAP_SIDE", "echo:COLLECTED"),
        inputs(plan.segments().get(0)));
    assertEquals(
        List.of("counts:SHUFFLE_MERGED", "print:COLLECTED"), inputs(plan.segments().get(1)));
  }

  private static List<String> inputs(Segment segment) {
    return segment.inputs().stream()
        .map(input -> input.stage().name() + ":" + input.source())
        .toList();
  }

  @Test
  void narrowStagesAfterAReduceFuseIntoItsSegment() {
    ExecutionPlan plan =
        Planner.plan(
            Graphs.pipeline()
                .input("lines")
                .pairs("pairs", "lines")
                .reduce("counts", "pairs", 4)
                .map("shown", "counts")
                .filter("large", "shown")
                .output("print", "large")
                .build());

    assertEquals(List.of("lines -> pairs", "counts -> shown -> large -> print"), names(plan));
    Segment reduce = plan.segments().get(1);
    assertEquals("shown:TRANSFORM large:TRANSFORM print:COLLECT", roles(reduce));
    assertEquals(4, reduce.partitions());
    assertEquals(0, plan.segments().get(0).partitions());
  }

  @Test
  void aStageWithSeveralReadersFansOutInOneLoop() {
    ExecutionPlan plan =
        Planner.plan(
            Graphs.pipeline()
                .input("lines")
                .map("upper", "lines")
                .output("shout", "upper")
                .map("lower", "lines")
                .filter("short", "lower")
                .output("whisper", "short")
                .output("echo", "lines")
                .build());

    assertEquals(
        List.of("lines -> [upper -> shout, lower -> short -> whisper, echo]"), names(plan));
    Segment segment = plan.segments().get(0);
    assertEquals("lines_upper_shout_lower_short_whisper_echo", segment.methodName());
    assertEquals(
        "upper:TRANSFORM shout:COLLECT lower:TRANSFORM short:TRANSFORM whisper:COLLECT"
            + " echo:COLLECT",
        roles(segment));
  }

  @Test
  void twoReducesInARowGiveThreeSegmentsWritersFirst() {
    PipelineGraph graph =
        Graphs.pipeline()
            .input("lines")
            .pairs("pairs", "lines")
            .reduce("counts", "pairs", 0)
            .pairs("byCount", "counts")
            .reduce("histogram", "byCount", 1)
            .output("print", "histogram")
            .build();
    ExecutionPlan plan = Planner.plan(graph);

    assertEquals(List.of("lines -> pairs", "counts -> byCount", "histogram -> print"), names(plan));
    assertEquals(
        List.of(
            new Shuffle(graph.stage("counts"), 0, 1), new Shuffle(graph.stage("histogram"), 1, 2)),
        plan.shuffles());
    assertEquals("byCount:TRANSFORM histogram:COMBINE", roles(plan.segments().get(1)));
  }

  @Test
  void segmentsRunWritersBeforeReadersWhateverTheDeclarationOrder() {
    PipelineGraph graph =
        Graphs.pipeline()
            .output("print", "histogram")
            .reduce("histogram", "byCount", 0)
            .pairs("byCount", "counts")
            .reduce("counts", "pairs", 0)
            .pairs("pairs", "lines")
            .input("lines")
            .build();
    ExecutionPlan plan = Planner.plan(graph);

    assertEquals(List.of("lines -> pairs", "counts -> byCount", "histogram -> print"), names(plan));
    assertEquals(
        List.of(
            new Shuffle(graph.stage("counts"), 0, 1), new Shuffle(graph.stage("histogram"), 1, 2)),
        plan.shuffles());
  }

  @Test
  void twoInputsGiveTwoSegmentsInDeclarationOrder() {
    ExecutionPlan plan =
        Planner.plan(
            Graphs.pipeline()
                .input("clicks")
                .input("views")
                .output("seen", "views")
                .output("clicked", "clicks")
                .build());

    assertEquals(List.of("clicks -> clicked", "views -> seen"), names(plan));
    assertEquals(0, plan.inputIndex(plan.segments().get(0).head()));
    assertEquals(1, plan.outputIndex(plan.segments().get(0).steps().get(0).stage()));
  }

  @Test
  void stagesNoOutputReadsAreLeftOut() {
    ExecutionPlan plan =
        Planner.plan(
            Graphs.pipeline()
                .input("lines")
                .input("unused")
                .map("lengths", "lines")
                .pairs("pairs", "lines")
                .reduce("counts", "pairs", 0)
                .output("print", "lines")
                .build());

    assertEquals(List.of("lines -> print"), names(plan));
    assertEquals(List.of(), plan.shuffles());
    assertFalse(plan.operatorsNeedInstance());
  }
}
