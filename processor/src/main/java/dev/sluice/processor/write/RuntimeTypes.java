package dev.sluice.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.ValueKind;

/**
 * The api and runtime types generated code refers to. Generated code depends only on the api,
 * {@code PipelineBuilder}, the {@code dev.sluice.runtime.internal} seam, {@code PipelineMain} and
 * the built-in {@code Codecs}.
 */
final class RuntimeTypes {

  private RuntimeTypes() {}

  private static final String API = "dev.sluice.api";
  private static final String RUNTIME = "dev.sluice.runtime";
  private static final String INTERNAL = "dev.sluice.runtime.internal";

  static final ClassName KV = ClassName.get(API, "KV");
  static final ClassName EMITTER = ClassName.get(API, "Emitter");
  static final ClassName SOURCE = ClassName.get(API, "Source");
  static final ClassName SINK = ClassName.get(API, "Sink");
  static final ClassName CODEC = ClassName.get(API, "Codec");
  static final ClassName CODECS = ClassName.get(RUNTIME + ".codec", "Codecs");

  static final ClassName PIPELINE_BUILDER = ClassName.get(RUNTIME, "PipelineBuilder");
  static final ClassName PORT = PIPELINE_BUILDER.nestedClass("Port");
  static final ClassName PIPELINE_MAIN = ClassName.get(RUNTIME + ".cli", "PipelineMain");

  static final ClassName PIPELINE_PROGRAM = ClassName.get(INTERNAL, "PipelineProgram");
  static final ClassName INPUT_SLOT = ClassName.get(INTERNAL, "InputSlot");
  static final ClassName SEGMENT_SLOT = ClassName.get(INTERNAL, "SegmentSlot");
  static final ClassName OUTPUT_SLOT = ClassName.get(INTERNAL, "OutputSlot");
  static final ClassName TASK_CONTEXT = ClassName.get(INTERNAL, "TaskContext");
  static final ClassName STAGE_FAILURE = ClassName.get(INTERNAL, "StageFailure");
  static final ClassName PARTITIONER = ClassName.get(INTERNAL, "Partitioner");
  static final ClassName LONG_VALUE_MAP = ClassName.get(INTERNAL, "LongValueMap");
  static final ClassName OBJECT_VALUE_MAP = ClassName.get(INTERNAL, "ObjectValueMap");
  static final ClassName RECORD_EXCHANGE = ClassName.get(INTERNAL, "RecordExchange");
  static final ClassName RECORD_ROW = RECORD_EXCHANGE.nestedClass("Row");
  static final ClassName GROUP_SHUFFLE = ClassName.get(INTERNAL, "GroupShuffle");
  static final ClassName KEY_GROUPS = ClassName.get(INTERNAL, "KeyGroups");
  static final ClassName PAIR_BUFFER = ClassName.get(INTERNAL, "PairBuffer");
  static final ClassName VALUE_EMITTER = ClassName.get(INTERNAL, "ValueEmitter");
  static final ClassName WINDOW_SPEC = ClassName.get(INTERNAL + ".window", "WindowSpec");
  static final ClassName RECORD_WINDOW_SLOTS =
      ClassName.get(INTERNAL + ".window", "RecordWindowSlots");
  static final ClassName LONG_WINDOW_SLOTS = ClassName.get(INTERNAL + ".window", "LongWindowSlots");
  static final ClassName OBJECT_WINDOW_SLOTS =
      ClassName.get(INTERNAL + ".window", "ObjectWindowSlots");
  static final ClassName LONG_INVERSE_WINDOW =
      ClassName.get(INTERNAL + ".window", "LongInverseWindow");
  static final ClassName OBJECT_INVERSE_WINDOW =
      ClassName.get(INTERNAL + ".window", "ObjectInverseWindow");
  static final ClassName GROUP_WINDOW_SLOTS =
      ClassName.get(INTERNAL + ".window", "GroupWindowSlots");
  static final ClassName UPDATE_STATE_STORE =
      ClassName.get(INTERNAL + ".state", "UpdateStateStore");
  static final ClassName MAP_WITH_STATE_STORE =
      ClassName.get(INTERNAL + ".state", "MapWithStateStore");
  static final ClassName STAGE_STATE = ClassName.get(INTERNAL + ".snapshot", "StageState");
  static final ClassName STATE = ClassName.get(API, "State");
  static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName DURATION = ClassName.get("java.time", "Duration");
  static final ClassName STRING = ClassName.get(String.class);

  /** {@code List<T>}, boxing a primitive {@code T}. */
  static TypeName listOf(TypeName type) {
    return ParameterizedTypeName.get(LIST, type.box());
  }

  /** {@code RecordExchange<T>}. */
  static TypeName exchangeOf(TypeName type) {
    return ParameterizedTypeName.get(RECORD_EXCHANGE, type.box());
  }

  /** {@code RecordExchange.Row<T>}. */
  static TypeName rowOf(TypeName type) {
    return ParameterizedTypeName.get(RECORD_ROW, type.box());
  }

  /** The combine buffer of a reduce: {@code LongValueMap<K>} or {@code ObjectValueMap<K, V>}. */
  static TypeName valueMap(TypeName key, TypeName value, ValueKind kind) {
    return kind.isPrimitive()
        ? ParameterizedTypeName.get(LONG_VALUE_MAP, key)
        : ParameterizedTypeName.get(OBJECT_VALUE_MAP, key, value);
  }
}
