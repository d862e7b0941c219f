package dev.sluice.runtime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.runtime.metrics.PipelineInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageGraphTest {

  @Test
  void chainsFusedStagesAndShufflesIntoTheNextSegment() {
    StageGraph graph =
        graph(List.of("lines"), List.of("print"), "lines -> words -> pairs", "counts -> print");
    assertEquals(
        List.of(
            "lines input 0", "words stage 0", "pairs stage 0", "counts stage 1", "print output 1"),
        nodes(graph));
    assertEquals(
        List.of(
            "lines>words fused", "words>pairs fused", "counts>print fused", "pairs>counts shuffle"),
        edges(graph));
  }

  @Test
  void aJoinReadsTheLastStagesOfBothInputs() {
    StageGraph graph =
        graph(
            List.of("clicks", "impressions"),
            List.of("print"),
            "clicks -> clicksByAd",
            "impressions -> impressionsByAd",
            "attributed -> print");
    assertEquals(
        List.of(
            "clicks>clicksByAd fused",
            "impressions>impressionsByAd fused",
            "attributed>print fused",
            "clicksByAd>attributed shuffle",
            "impressionsByAd>attributed shuffle"),
        edges(graph));
  }

  @Test
  void branchesInBracketsFanOutFromTheStageBeforeThem() {
    StageGraph graph =
        graph(
            List.of("events"),
            List.of("openSessions", "print"),
            "events -> byUser",
            "sessions -> [active -> openSessions, print]");
    assertEquals(
        List.of(
            "events input 0",
            "byUser stage 0",
            "sessions stage 1",
            "active stage 1",
            "openSessions output 1",
            "print output 1"),
        nodes(graph));
    assertEquals(
        List.of(
            "events>byUser fused",
            "sessions>active fused",
            "active>openSessions fused",
            "sessions>print fused",
            "byUser>sessions shuffle"),
        edges(graph));
  }

  private static StageGraph graph(List<String> inputs, List<String> outputs, String... segments) {
    return StageGraph.of(
        new PipelineInfo(
            "P",
            0,
            1000,
            Duration.ofSeconds(1),
            2,
            inputs.stream().map(name -> new PipelineInfo.Input(name, "queue", false, 0)).toList(),
            Arrays.stream(segments).map(name -> new PipelineInfo.Segment(name, 2, "")).toList(),
            outputs.stream().map(name -> new PipelineInfo.Output(name, 1)).toList()));
  }

  private static List<String> nodes(StageGraph graph) {
    return graph.nodes().stream().map(n -> n.name() + " " + n.kind() + " " + n.segment()).toList();
  }

  private static List<String> edges(StageGraph graph) {
    return graph.edges().stream().map(e -> e.from() + ">" + e.to() + " " + e.kind()).toList();
  }
}
