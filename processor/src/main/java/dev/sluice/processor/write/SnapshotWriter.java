package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.sluice.processor.model.Encoding;
import dev.sluice.processor.model.OperatorSpec;
import dev.sluice.processor.model.ReduceSpec;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.TypeText;
import dev.sluice.processor.model.Windowing;
import dev.sluice.processor.plan.ExecutionPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code stageStates()}, in every program (an empty list says there is no state, where the
 * inherited {@code null} says the program cannot list it): one {@code StageState} per stateful
 * stage (state stores and windows), named by the stage, with the signature a restored snapshot must
 * match and the codecs of its keys and values from {@link CodecWriter}.
 *
 * <p>A signature holds only what a snapshot's meaning depends on: the operator, the key and value
 * types as the user wrote them, a window's length and slide (in a canonical unit, so {@code
 * "30000ms"} and {@code "30s"} agree), whether it keeps an inverse, and the components of the
 * records written (whose codecs write components in order, without names). Nothing generated, no
 * parallelism: a restart with another parallelism or edited method bodies keeps its state.
 */
final class SnapshotWriter {

  private final ExecutionPlan plan;
  private final ProgramNames names;
  private final CodecWriter codecs;

  SnapshotWriter(ExecutionPlan plan, ProgramNames names, CodecWriter codecs) {
    this.plan = plan;
    this.names = names;
    this.codecs = codecs;
  }

  /** The stages with stores, in declaration order. */
  List<Stage> stores() {
    List<Stage> stores = new ArrayList<>();
    for (Stage stage : plan.graph().stages()) {
      if (plan.windowed().contains(stage) || plan.stateful().contains(stage)) {
        stores.add(stage);
      }
    }
    return stores;
  }

  /** {@code stageStates()}, listing every store field. */
  MethodSpec stageStates() {
    List<CodeBlock> states = new ArrayList<>();
    for (Stage stage : stores()) {
      Encoding.Store store = plan.graph().codecs(stage.name());
      String field = stage.kind().isStateful() ? names.state(stage) : names.window(stage);
      states.add(
          store.key() == null
              ? CodeBlock.of(
                  "$T.unkeyed($S,$W$S,$W$N,$W$L)",
                  RuntimeTypes.STAGE_STATE,
                  stage.name(),
                  signature(stage, store),
                  field,
                  codecs.expression(store.value()))
              : CodeBlock.of(
                  "$T.keyed($S,$W$S,$W$N,$W$L,$W$L)",
                  RuntimeTypes.STAGE_STATE,
                  stage.name(),
                  signature(stage, store),
                  field,
                  codecs.expression(store.key()),
                  codecs.expression(store.value())));
    }
    WildcardTypeName any = WildcardTypeName.subtypeOf(Object.class);
    TypeName stageState = ParameterizedTypeName.get(RuntimeTypes.STAGE_STATE, any, any);
    return MethodSpec.methodBuilder("stageStates")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(RuntimeTypes.LIST, stageState))
        .addCode("return $L;\n", Lists.of(states))
        .build();
  }

  /**
   * What must not change for a snapshot of {@code stage} to be restored, such as {@code
   * reduceByKeyAndWindow String -> long, window 30s sliding 10s}, followed by the components of
   * every record its codecs write, since a record written with other components cannot be read
   * back: {@code mapWithState String -> Session; Session(long start, int events)}.
   */
  static String signature(Stage stage, Encoding.Store store) {
    StringBuilder signature = new StringBuilder(signature(stage));
    List<Encoding.RecordOf> records = new ArrayList<>();
    if (store.key() != null) {
      records(store.key(), records);
    }
    records(store.value(), records);
    for (Encoding.RecordOf record : records) {
      if (RuntimeTypes.KV.equals(raw(record.type()))) {
        continue; // Sluice's own, whose components do not change
      }
      List<String> components = new ArrayList<>();
      for (Encoding.Component component : record.components()) {
        components.add(text(component.type()) + " " + component.name());
      }
      signature
          .append("; ")
          .append(text(record.type()))
          .append('(')
          .append(String.join(", ", components))
          .append(')');
    }
    return signature.toString();
  }

  private static TypeName raw(TypeName type) {
    return type instanceof ParameterizedTypeName parameterized ? parameterized.rawType() : type;
  }

  /** Adds the records {@code encoding} writes to {@code records}, each once, outer first. */
  private static void records(Encoding encoding, List<Encoding.RecordOf> records) {
    if (encoding instanceof Encoding.RecordOf record) {
      if (records.stream().noneMatch(known -> known.type().equals(record.type()))) {
        records.add(record);
        record.components().forEach(component -> records(component.encoding(), records));
      }
    } else if (encoding instanceof Encoding.Nullable nullable) {
      records(nullable.value(), records);
    } else if (encoding instanceof Encoding.ListOf list) {
      records(list.element(), records);
    } else if (encoding instanceof Encoding.OptionalOf optional) {
      records(optional.value(), records);
    } else if (encoding instanceof Encoding.MapOf map) {
      records(map.key(), records);
      records(map.value(), records);
    }
  }

  /** The operator, its types and its window. */
  static String signature(Stage stage) {
    String operator =
        Character.toLowerCase(stage.kind().annotation().charAt(1))
            + stage.kind().annotation().substring(2);
    String types =
        switch (stage.kind().family()) {
          case UPDATE_STATE, MAP_WITH_STATE ->
              text(stage.spec(OperatorSpec.Grouping.class).key())
                  + " -> "
                  + text(StateWriter.stateType(stage));
          case WINDOW -> text(stage.outputType());
          case GROUP -> {
            OperatorSpec.Grouped grouped = stage.spec(OperatorSpec.Grouped.class);
            yield text(grouped.key()) + " -> " + text(grouped.value());
          }
          case AGGREGATE -> {
            ReduceSpec reduce = stage.reduce();
            yield switch (Aggregation.of(stage.kind())) {
              case COUNT -> "";
              case REDUCE -> text(reduce.function());
              case COUNT_BY_VALUE -> text(reduce.key());
              case BY_KEY -> text(reduce.key()) + " -> " + text(reduce.function());
            };
          }
          case INPUT,
              NARROW,
              SNAPSHOTS,
              PARTITION,
              TRANSFORM,
              REPARTITION,
              COMBINE,
              JOIN,
              OUTPUT,
              UNION ->
              throw new IllegalArgumentException(stage.name() + " keeps no store");
        };
    StringBuilder signature = new StringBuilder(operator);
    if (!types.isEmpty()) {
      signature.append(' ').append(types);
    }
    if (stage.kind().isWindowed()) {
      Windowing window = stage.windowing();
      signature
          .append(", window ")
          .append(duration(window.windowMillis()))
          .append(
              window.slideMillis() == 0
                  ? " sliding every batch"
                  : " sliding " + duration(window.slideMillis()));
      if (window.incremental()) {
        signature.append(", with inverse");
      }
    }
    return signature.toString();
  }

  private static String text(TypeName type) {
    return TypeText.of(type);
  }

  /**
   * {@code millis} in the largest unit that divides it: {@code 30s}, {@code 1500ms}, {@code 2h}.
   */
  static String duration(long millis) {
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }
}
