package dev.sluice.runtime.codec;

import dev.sluice.api.Codec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in {@link Codec}s, from which the processor composes the codecs of state types.
 *
 * <p>Primitives' boxes are written at fixed width, big-endian, exactly as {@link DataOutput} writes
 * the primitive (so a record's {@code long} component and a {@code Long} state take the same 8
 * bytes). Sizes of lists and maps are unsigned varints (7 bits a byte, low bits first), since they
 * are mostly small. Except for {@link #nullable}, codecs never see {@code null}: the runtime writes
 * its own null flag before every key and value of a snapshot.
 */
public final class Codecs {

  private static final Codec<String> STRING =
      new Codec<>() {
        @Override
        public void write(String value, DataOutput out) throws IOException {
          byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
          out.writeInt(bytes.length);
          out.write(bytes);
        }

        @Override
        public String read(DataInput in) throws IOException {
          byte[] bytes = new byte[in.readInt()];
          in.readFully(bytes);
          return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
          return "Codecs.string()";
        }
      };

  private static final Codec<Boolean> BOOLEANS =
      fixed("booleans", DataOutput::writeBoolean, DataInput::readBoolean);
  private static final Codec<Byte> BYTES =
      fixed("bytes", (out, value) -> out.writeByte(value), DataInput::readByte);
  private static final Codec<Short> SHORTS =
      fixed("shorts", (out, value) -> out.writeShort(value), DataInput::readShort);
  private static final Codec<Character> CHARACTERS =
      fixed("characters", (out, value) -> out.writeChar(value), DataInput::readChar);
  private static final Codec<Integer> INTEGERS =
      fixed("integers", DataOutput::writeInt, DataInput::readInt);
  private static final Codec<Long> LONGS =
      fixed("longs", DataOutput::writeLong, DataInput::readLong);
  private static final Codec<Float> FLOATS =
      fixed("floats", DataOutput::writeFloat, DataInput::readFloat);
  private static final Codec<Double> DOUBLES =
      fixed("doubles", DataOutput::writeDouble, DataInput::readDouble);

  private static final Codec<Object> ALWAYS_NULL =
      new Codec<>() {
        @Override
        public void write(Object value, DataOutput out) throws IOException {
          throw new IOException(
              "Codecs.alwaysNull() cannot write " + value + ": it holds only null");
        }

        @Override
        public Object read(DataInput in) throws IOException {
          throw new IOException("Codecs.alwaysNull() has no value to read: it holds only null");
        }

        @Override
        public String toString() {
          return "Codecs.alwaysNull()";
        }
      };

  private Codecs() {}

  /**
   * Strings as a 32-bit length and their UTF-8 bytes; any length (where {@code writeUTF} stops at
   * 64 KiB). A lone surrogate becomes {@code ?}, as in every UTF-8 encoding by the JDK.
   */
  public static Codec<String> string() {
    return STRING;
  }

  /** Booleans as one byte, 1 or 0. */
  public static Codec<Boolean> booleans() {
    return BOOLEANS;
  }

  /** Bytes as one byte. */
  public static Codec<Byte> bytes() {
    return BYTES;
  }

  /** Shorts as 2 bytes. */
  public static Codec<Short> shorts() {
    return SHORTS;
  }

  /** Characters as their 2-byte UTF-16 code unit. */
  public static Codec<Character> characters() {
    return CHARACTERS;
  }

  /** Integers as 4 bytes. */
  public static Codec<Integer> integers() {
    return INTEGERS;
  }

  /** Longs as 8 bytes (also the raw {@code long} slots of windows over primitives). */
  public static Codec<Long> longs() {
    return LONGS;
  }

  /** Floats as the 4 bytes of their IEEE 754 bits ({@code NaN} canonical, as DataOutput does). */
  public static Codec<Float> floats() {
    return FLOATS;
  }

  /** Doubles as the 8 bytes of their IEEE 754 bits ({@code NaN} canonical). */
  public static Codec<Double> doubles() {
    return DOUBLES;
  }

  /**
   * The codec of a position that only ever holds {@code null}, such as the key of a window over a
   * whole batch: the runtime's null flag says everything, so writing or reading a value fails.
   */
  @SuppressWarnings("unchecked") // it never produces a value of T
  public static <T> Codec<T> alwaysNull() {
    return (Codec<T>) ALWAYS_NULL;
  }

  /**
   * Constants of {@code type} by name (a varint length and the UTF-8 bytes), so that reordering or
   * adding constants keeps snapshots readable. Reading a name the enum no longer has fails with an
   * {@link IOException} naming the enum and the constant.
   */
  public static <E extends Enum<E>> Codec<E> enums(Class<E> type) {
    Objects.requireNonNull(type, "type");
    Map<String, E> byName = new HashMap<>();
    for (E constant : type.getEnumConstants()) {
      byName.put(constant.name(), constant);
    }
    return new Codec<>() {
      @Override
      public void write(E value, DataOutput out) throws IOException {
        byte[] bytes = value.name().getBytes(StandardCharsets.UTF_8);
        writeSize(bytes.length, out);
        out.write(bytes);
      }

      @Override
      public E read(DataInput in) throws IOException {
        byte[] bytes = new byte[readSize(in)];
        in.readFully(bytes);
        String name = new String(bytes, StandardCharsets.UTF_8);
        E constant = byName.get(name);
        if (constant == null) {
          throw new IOException(
              "enum "
                  + type.getName()
                  + " has no constant "
                  + name
                  + " any more; a snapshot holding it cannot be read by this build (restore"
                  + " the constant, or start with a new checkpoint directory)");
        }
        return constant;
      }

      @Override
      public String toString() {
        return "Codecs.enums(" + type.getName() + ")";
      }
    };
  }

  /**
   * Values that may be {@code null}, such as record components and elements: a byte, 0 for {@code
   * null}, 1 followed by the value.
   */
  public static <T> Codec<T> nullable(Codec<T> codec) {
    Objects.requireNonNull(codec, "codec");
    return new Codec<>() {
      @Override
      public void write(T value, DataOutput out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
          codec.write(value, out);
        }
      }

      @Override
      public T read(DataInput in) throws IOException {
        return in.readBoolean() ? codec.read(in) : null;
      }

      @Override
      public String toString() {
        return "Codecs.nullable(" + codec + ")";
      }
    };
  }

  /** Lists as a varint size and the elements; read into an {@link ArrayList}. */
  public static <T> Codec<List<T>> list(Codec<T> elements) {
    Objects.requireNonNull(elements, "elements");
    return new Codec<>() {
      @Override
      public void write(List<T> value, DataOutput out) throws IOException {
        writeSize(value.size(), out);
        for (T element : value) {
          elements.write(element, out);
        }
      }

      @Override
      public List<T> read(DataInput in) throws IOException {
        int size = readSize(in);
        List<T> list = new ArrayList<>(Math.min(size, 1 << 16));
        for (int i = 0; i < size; i++) {
          list.add(elements.read(in));
        }
        return list;
      }

      @Override
      public String toString() {
        return "Codecs.list(" + elements + ")";
      }
    };
  }

  /** Optionals as a byte, 0 for empty, 1 followed by the value. */
  public static <T> Codec<Optional<T>> optional(Codec<T> value) {
    Objects.requireNonNull(value, "value");
    return new Codec<>() {
      @Override
      public void write(Optional<T> optional, DataOutput out) throws IOException {
        out.writeBoolean(optional.isPresent());
        if (optional.isPresent()) {
          value.write(optional.get(), out);
        }
      }

      @Override
      public Optional<T> read(DataInput in) throws IOException {
        return in.readBoolean() ? Optional.of(value.read(in)) : Optional.empty();
      }

      @Override
      public String toString() {
        return "Codecs.optional(" + value + ")";
      }
    };
  }

  /**
   * Maps as a varint size and the entries in iteration order, each key then its value; read into a
   * {@link LinkedHashMap}, so the order is kept.
   */
  public static <K, V> Codec<Map<K, V>> map(Codec<K> keys, Codec<V> values) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(values, "values");
    return new Codec<>() {
      @Override
      public void write(Map<K, V> value, DataOutput out) throws IOException {
        writeSize(value.size(), out);
        for (Map.Entry<K, V> entry : value.entrySet()) {
          keys.write(entry.getKey(), out);
          values.write(entry.getValue(), out);
        }
      }

      @Override
      public Map<K, V> read(DataInput in) throws IOException {
        int size = readSize(in);
        Map<K, V> map = new LinkedHashMap<>(Math.min(size, 1 << 16) * 4 / 3 + 1);
        for (int i = 0; i < size; i++) {
          K key = keys.read(in);
          map.put(key, values.read(in));
        }
        return map;
      }

      @Override
      public String toString() {
        return "Codecs.map(" + keys + ", " + values + ")";
      }
    };
  }

  /** Writes a size as an unsigned varint: 7 bits a byte, low bits first, high bit for more. */
  private static void writeSize(int size, DataOutput out) throws IOException {
    int rest = size;
    while ((rest & ~0x7F) != 0) {
      out.writeByte((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.writeByte(rest);
  }

  private static int readSize(DataInput in) throws IOException {
    int size = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.readUnsignedByte();
      size |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (size < 0) {
          break;
        }
        return size;
      }
    }
    throw new IOException("malformed size: more than 31 bits");
  }

  /** A fixed-width codec through {@link DataOutput}'s and {@link DataInput}'s own methods. */
  private static <T> Codec<T> fixed(String name, Writer<T> writer, Reader<T> reader) {
    return new Codec<>() {
      @Override
      public void write(T value, DataOutput out) throws IOException {
        writer.write(out, value);
      }

      @Override
      public T read(DataInput in) throws IOException {
        return reader.read(in);
      }

      @Override
      public String toString() {
        return "Codecs." + name + "()";
      }
    };
  }

  private interface Writer<T> {
    void write(DataOutput out, T value) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInput in) throws IOException;
  }
}
