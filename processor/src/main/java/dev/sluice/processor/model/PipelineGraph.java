package dev.sluice.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;

/**
 * A checked pipeline as plain values: what the planner and the writers work from.
 *
 * @param pipelineClass the annotated class
 * @param batchIntervalMillis the default batch interval
 * @param generateMain whether to generate the runnable main class
 * @param stages every stage in declaration order
 */
public record PipelineGraph(
    ClassName pipelineClass, long batchIntervalMillis, boolean generateMain, List<Stage> stages) {

  /** Validates and copies the stage list; names must be unique and every {@code from} known. */
  public PipelineGraph {
    Objects.requireNonNull(pipelineClass, "pipelineClass");
    stages = List.copyOf(stages);
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      if (indexOf(stages, stage.name()) != i) {
        throw new IllegalArgumentException("duplicate stage " + stage.name());
      }
      for (String from : stage.from()) {
        if (indexOf(stages, from) < 0) {
          throw new IllegalArgumentException(stage.name() + " reads unknown stage " + from);
        }
      }
    }
  }

  /** The pipeline's name: the simple name of the class. */
  public String name() {
    return pipelineClass.simpleName();
  }

  /** The stage called {@code name}. */
  public Stage stage(String name) {
    int index = indexOf(stages, name);
    if (index < 0) {
      throw new IllegalArgumentException("no stage " + name);
    }
    return stages.get(index);
  }

  /** The {@code @Input} stages in declaration order. */
  public List<Stage> inputs() {
    return ofKind(StageKind.INPUT);
  }

  /** The {@code @Output} stages in declaration order. */
  public List<Stage> outputs() {
    return ofKind(StageKind.OUTPUT);
  }

  /** The stages that read {@code name}, in declaration order. */
  public List<Stage> consumers(String name) {
    return stages.stream().filter(stage -> stage.from().contains(name)).toList();
  }

  /** How the stages are wired, for graph questions. */
  public Wiring wiring() {
    Wiring.Builder wiring = Wiring.builder();
    stages.forEach(stage -> wiring.add(stage.name(), stage.from()));
    return wiring.build();
  }

  private List<Stage> ofKind(StageKind kind) {
    return stages.stream().filter(stage -> stage.kind() == kind).toList();
  }

  private static int indexOf(List<Stage> stages, String name) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
