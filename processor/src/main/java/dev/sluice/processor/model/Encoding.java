package dev.sluice.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How values of one type are written into a state snapshot: the codec the writers compose, as
 * validation resolved it from the type. Every type a stateful stage keeps has one; a type without
 * one is a compile error.
 */
public sealed interface Encoding {

  /** The boxes of the primitives and {@code String}, with the method of {@code Codecs} for each. */
  Map<TypeName, String> BUILTINS =
      Map.of(
          TypeName.BOOLEAN.box(), "booleans",
          TypeName.BYTE.box(), "bytes",
          TypeName.SHORT.box(), "shorts",
          TypeName.CHAR.box(), "characters",
          TypeName.INT.box(), "integers",
          TypeName.LONG.box(), "longs",
          TypeName.FLOAT.box(), "floats",
          TypeName.DOUBLE.box(), "doubles",
          ClassName.get(String.class), "string");

  /** The type encoded (boxed for a primitive). */
  TypeName type();

  /** The built-in encoding of a primitive, its box or {@code String}, if {@code type} is one. */
  static Optional<Encoding> builtin(TypeName type) {
    TypeName boxed = type.box();
    return Optional.ofNullable(BUILTINS.get(boxed)).map(codec -> new Builtin(boxed, codec));
  }

  /**
   * A codec of {@code Codecs} for a box or {@code String}.
   *
   * @param type the box or {@code String}
   * @param codec the method of {@code Codecs} returning it, such as {@code longs}
   */
  record Builtin(TypeName type, String codec) implements Encoding {}

  /**
   * A position that only ever holds {@code null}: the key of a window over a whole batch.
   *
   * @param type the declared type of the position
   */
  record AlwaysNull(TypeName type) implements Encoding {}

  /**
   * An enum, by constant name.
   *
   * @param type the enum
   */
  record Enumeration(ClassName type) implements Encoding {}

  /**
   * A position that may hold {@code null} (a record component, an element, a map's key or value): a
   * flag, then the value.
   *
   * @param value the encoding of the values that are not {@code null}
   */
  record Nullable(Encoding value) implements Encoding {
    @Override
    public TypeName type() {
      return value.type();
    }
  }

  /**
   * A {@code List}.
   *
   * @param type {@code List<T>}
   * @param element the encoding of its elements
   */
  record ListOf(TypeName type, Encoding element) implements Encoding {}

  /**
   * An {@code Optional}.
   *
   * @param type {@code Optional<T>}
   * @param value the encoding of a present value
   */
  record OptionalOf(TypeName type, Encoding value) implements Encoding {}

  /**
   * A {@code Map}, in its iteration order.
   *
   * @param type {@code Map<K, V>}
   * @param key the encoding of its keys
   * @param value the encoding of its values
   */
  record MapOf(TypeName type, Encoding key, Encoding value) implements Encoding {}

  /**
   * A record, component by component, read back through its canonical constructor.
   *
   * @param type the record type, with its type arguments
   * @param components its components in declaration order
   */
  record RecordOf(TypeName type, List<Component> components) implements Encoding {
    /** Copies the components. */
    public RecordOf {
      components = List.copyOf(components);
    }
  }

  /**
   * One component of a record.
   *
   * @param name the component's name (its accessor's)
   * @param type its type, primitive or not, with the record's type arguments applied
   * @param encoding its encoding: the builtin of its box for a primitive, written without boxing
   */
  record Component(String name, TypeName type, Encoding encoding) {
    /** Checks the parts are there. */
    public Component {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(encoding, "encoding");
    }
  }

  /**
   * A record encoded further out, met again inside itself (a recursive record): the codec of that
   * record.
   *
   * @param type the record type
   */
  record RecordRef(TypeName type) implements Encoding {}

  /**
   * The codec a {@code @StateCodec} method of the pipeline class returns.
   *
   * @param type the type it encodes
   * @param method the method's name
   */
  record User(TypeName type, String method) implements Encoding {}

  /**
   * The codecs of one stateful stage's stores.
   *
   * @param key the encoding of the keys, or {@code null} for a store without keys
   * @param value the encoding of the values (state, window values or windowed records)
   */
  record Store(Encoding key, Encoding value) {
    /** Checks the value is there. */
    public Store {
      Objects.requireNonNull(value, "value");
    }
  }
}
