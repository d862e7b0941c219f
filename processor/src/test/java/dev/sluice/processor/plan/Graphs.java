package dev.sluice.processor.plan;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.PipelineGraph;
import dev.sluice.processor.model.ReduceSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.model.Throws;
import dev.sluice.processor.model.UserMethod;
import java.util.ArrayList;
import java.util.List;

/** Builds plain pipeline graphs for planner tests, with no compiler involved. */
final class Graphs {

  static final TypeName STRING = ClassName.get(String.class);
  static final TypeName KV_STRING_LONG =
      ParameterizedTypeName.get(
          ClassName.get("dev.sluice.api", "KV"), STRING, ClassName.get(Long.class));

  private final List<Stage> stages = new ArrayList<>();

  static Graphs pipeline() {
    return new Graphs();
  }

  Graphs input(String name) {
    stages.add(Stage.input(name, method(name), STRING));
    return this;
  }

  Graphs map(String name, String from) {
    stages.add(Stage.narrow(name, StageKind.MAP, from, method(name, STRING), STRING, STRING));
    return this;
  }

  Graphs pairs(String name, String from) {
    stages.add(
        Stage.narrow(name, StageKind.MAP, from, method(name, STRING), STRING, KV_STRING_LONG));
    return this;
  }

  Graphs filter(String name, String from) {
    stages.add(Stage.narrow(name, StageKind.FILTER, from, method(name, STRING), STRING, STRING));
    return this;
  }

  Graphs flatMap(String name, String from) {
    stages.add(Stage.narrow(name, StageKind.FLAT_MAP, from, method(name, STRING), STRING, STRING));
    return this;
  }

  Graphs reduce(String name, String from, int partitions) {
    stages.add(
        Stage.reduceByKey(
            name,
            from,
            method(name, TypeName.LONG, TypeName.LONG),
            KV_STRING_LONG,
            new ReduceSpec(STRING, ClassName.get(Long.class), TypeName.LONG, partitions)));
    return this;
  }

  Graphs output(String name, String from) {
    stages.add(Stage.output(name, from, method(name), STRING));
    return this;
  }

  PipelineGraph build() {
    return new PipelineGraph(ClassName.get("p", "Test"), 1000, true, stages);
  }

  private static UserMethod method(String name, TypeName... parameters) {
    return new UserMethod(name, true, List.of(parameters), STRING, Throws.UNCHECKED, false);
  }
}
