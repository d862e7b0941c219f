package dev.sluice.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A checked pipeline as plain values: what the planner and the writers work from.
 *
 * @param pipelineClass the annotated class
 * @param batchIntervalMillis the default batch interval
 * @param generateMain whether to generate the runnable main class
 * @param stages every stage in declaration order
 * @param codecs the codecs of the stores of each stateful stage, by stage name, for snapshots
 */
public record PipelineGraph(
    ClassName pipelineClass,
    long batchIntervalMillis,
    boolean generateMain,
    List<Stage> stages,
    Map<String, Encoding.Store> codecs) {

  /** Validates and copies the stage list; names must be unique and every {@code from} known. */
  public PipelineGraph {
    Objects.requireNonNull(pipelineClass, "pipelineClass");
    stages = List.copyOf(stages);
    codecs = Map.copyOf(codecs);
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

  /** A graph whose stages keep no state, or whose codecs do not matter (planner tests). */
  public PipelineGraph(
      ClassName pipelineClass, long batchIntervalMillis, boolean generateMain, List<Stage> stages) {
    this(pipelineClass, batchIntervalMillis, generateMain, stages, Map.of());
  }

  /** The codecs of the stores of stateful stage {@code name}, which validation resolved. */
  public Encoding.Store codecs(String name) {
    Encoding.Store store = codecs.get(name);
    if (store == null) {
      throw new IllegalStateException("no codecs for the stores of " + name);
    }
    return store;
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
