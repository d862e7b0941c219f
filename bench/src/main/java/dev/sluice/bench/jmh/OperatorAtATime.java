package dev.sluice.bench.jmh;

import dev.sluice.api.KV;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The baseline of an interpreting engine: a pipeline as a list of generic operators, each run over
 * the whole batch and materialising its output as a list before the next one starts, with user
 * functions called through {@code java.util.function} interfaces on boxed values. The user
 * functions are the WordCount example's own methods, wrapped.
 *
 * <p><b>Threads:</b> stateless apart from the operators; one thread at a time.
 */
final class OperatorAtATime {

  /** One generic operator: a batch in, a batch out. */
  interface Operator {
    List<Object> apply(List<Object> batch);
  }

  private final List<Operator> operators;

  OperatorAtATime(List<Operator> operators) {
    this.operators = List.copyOf(operators);
  }

  /** WordCount as three operators: flatMap (the tokenizer), map (to pairs), reduceByKey. */
  static OperatorAtATime wordCount() {
    return new OperatorAtATime(
        List.of(
            flatMap(
                (line, out) -> {
                  for (String word : ((String) line).split(" ")) {
                    out.accept(word);
                  }
                }),
            map(word -> KV.of(word, 1L)),
            reduceByKey((a, b) -> (Long) a + (Long) b)));
  }

  /** Runs every operator in turn over {@code batch}. */
  @SuppressWarnings("unchecked") // a batch of any records enters the generic pipeline
  List<Object> run(List<?> batch) {
    List<Object> records = (List<Object>) batch;
    for (Operator operator : operators) {
      records = operator.apply(records);
    }
    return records;
  }

  /** {@code flatMap}: each record to any number of records, through an emitter. */
  static Operator flatMap(BiConsumer<Object, Consumer<Object>> function) {
    return batch -> {
      List<Object> out = new ArrayList<>();
      for (Object record : batch) {
        function.accept(record, out::add);
      }
      return out;
    };
  }

  /** {@code map}: each record to one record. */
  static Operator map(Function<Object, Object> function) {
    return batch -> {
      List<Object> out = new ArrayList<>(batch.size());
      for (Object record : batch) {
        out.add(function.apply(record));
      }
      return out;
    };
  }

  /** {@code reduceByKey}: the values of each key of {@link KV} records reduced, boxed. */
  static Operator reduceByKey(BinaryOperator<Object> function) {
    return batch -> {
      Map<Object, Object> reduced = new HashMap<>();
      for (Object record : batch) {
        KV<?, ?> pair = (KV<?, ?>) record;
        reduced.merge(pair.key(), pair.value(), function);
      }
      List<Object> out = new ArrayList<>(reduced.size());
      reduced.forEach((key, value) -> out.add(KV.of(key, value)));
      return out;
    };
  }
}
