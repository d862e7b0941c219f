package dev.sluice.runtime.monitor;

import dev.sluice.runtime.metrics.PipelineInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pipeline as a graph of stages, from what the runtime knows: each segment's name spells its
 * fused stages ({@code lines -> words -> pairs}, branches in brackets: {@code sessions -> [active
 * -> open, print]}), and the inputs and outputs are named.
 *
 * <p>Edges inside a segment are exact. A shuffle edge into a segment that does not start at an
 * input is inferred from the execution order: it reads the last stages of earlier segments that no
 * later segment has read yet and that are not outputs (for {@code clicks -> byAd}, {@code
 * impressions -> byAd2}, {@code joined -> print}: both {@code byAd}s), or, when all are read, those
 * of the segment just before. That is right for chains and joins; a stage feeding two shuffles
 * shows one of them. The processor's plan would make it exact (a next step).
 *
 * <p><b>Threads:</b> immutable once made; any thread.
 *
 * @param nodes the stages, in segment order
 * @param edges the edges between them
 */
public record StageGraph(List<Node> nodes, List<Edge> edges) {

  /**
   * A stage.
   *
   * @param name its name
   * @param kind {@code input}, {@code stage} or {@code output}
   * @param segment the index of the segment that runs it
   */
  public record Node(String name, String kind, int segment) {}

  /**
   * An edge.
   *
   * @param kind {@code fused} (same loop) or {@code shuffle} (between segments)
   */
  public record Edge(String from, String to, String kind) {}

  /** The graph of {@code pipeline}. */
  public static StageGraph of(PipelineInfo pipeline) {
    Set<String> inputs = new LinkedHashSet<>();
    pipeline.inputs().forEach(input -> inputs.add(input.name()));
    Set<String> outputs = new LinkedHashSet<>();
    pipeline.outputs().forEach(output -> outputs.add(output.name()));
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    List<String> previousLeaves = List.of();
    for (int s = 0; s < pipeline.segments().size(); s++) {
      Parser parser = new Parser(pipeline.segments().get(s).name());
      List<String> heads = new ArrayList<>();
      List<String> leaves = new ArrayList<>();
      parser.chain(null, heads, leaves, edges);
      for (String stage : parser.stages) {
        String kind =
            inputs.contains(stage) ? "input" : outputs.contains(stage) ? "output" : "stage";
        nodes.add(new Node(stage, kind, s));
      }
      String head = heads.get(0);
      if (!inputs.contains(head)) {
        List<String> sources = unread.isEmpty() ? previousLeaves : List.copyOf(unread);
        for (String source : sources) {
          edges.add(new Edge(source, head, "shuffle"));
        }
        unread.clear();
      }
      List<String> open = new ArrayList<>();
      for (String leaf : leaves) {
        if (!outputs.contains(leaf)) {
          open.add(leaf);
        }
      }
      unread.addAll(open);
      previousLeaves = open;
    }
    return new StageGraph(List.copyOf(nodes), List.copyOf(edges));
  }

  /**
   * Reads one segment name: {@code chain := item (" -> " item)*}, {@code item := name | [chain,
   * ...]}.
   */
  private static final class Parser {
    private final String text;
    private int pos;
    final List<String> stages = new ArrayList<>();

    Parser(String text) {
      this.text = text;
    }

    /**
     * Reads a chain fed by {@code from} (or none): adds its first stages to {@code heads}, its last
     * ones to {@code leaves}, and its fused edges.
     */
    void chain(String from, List<String> heads, List<String> leaves, List<Edge> edges) {
      List<String> previous = from == null ? List.of() : List.of(from);
      boolean first = true;
      while (true) {
        skipSpace();
        List<String> current = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        if (peek() == '[') {
          pos++;
          do {
            String feeding = previous.size() == 1 ? previous.get(0) : null;
            List<String> branchHeads = new ArrayList<>();
            chain(feeding, branchHeads, ends, edges);
            current.addAll(branchHeads);
            skipSpace();
          } while (peek() == ',' && pos++ >= 0);
          if (peek() == ']') {
            pos++;
          }
          if (first) {
            heads.addAll(current);
          }
          leaves.addAll(ends);
          return; // a branch list ends its chain
        }
        String name = name();
        stages.add(name);
        for (String p : previous) {
          edges.add(new Edge(p, name, "fused"));
        }
        if (first) {
          heads.add(name);
          first = false;
        }
        current.add(name);
        previous = current;
        skipSpace();
        if (text.startsWith("->", pos)) {
          pos += 2;
        } else {
          leaves.addAll(previous);
          return;
        }
      }
    }

    private String name() {
      int start = pos;
      while (pos < text.length() && ",[]- ".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      return text.substring(start, pos);
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
      while (pos < text.length() && text.charAt(pos) == ' ') {
        pos++;
      }
    }
  }
}
