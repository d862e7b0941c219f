package dev.sluice.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Codec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecsTest {

  enum Color {
    RED,
    GREEN
  }

  enum Reordered {
    GREEN,
    BLUE,
    RED
  }

  private static <T> byte[] encode(Codec<T> codec, T value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      codec.write(value, out);
    }
    return bytes.toByteArray();
  }

  /** Decodes {@code bytes}, asserting the codec read every byte and no more. */
  private static <T> T decode(Codec<T> codec, byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    T value = codec.read(in);
    assertEquals(-1, in.read(), "bytes left after the value");
    return value;
  }

  private static <T> void roundTrips(Codec<T> codec, T value) throws IOException {
    assertEquals(value, decode(codec, encode(codec, value)), codec.toString());
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  @Test
  void everyBoxRoundTripsItsExtremes() throws IOException {
    for (boolean b : new boolean[] {true, false}) {
      roundTrips(Codecs.booleans(), b);
    }
    for (byte b : new byte[] {Byte.MIN_VALUE, -1, 0, Byte.MAX_VALUE}) {
      roundTrips(Codecs.bytes(), b);
    }
    for (short s : new short[] {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE}) {
      roundTrips(Codecs.shorts(), s);
    }
    for (char c : new char[] {Character.MIN_VALUE, 'a', '\u00e9', '\ud83d', Character.MAX_VALUE}) {
      roundTrips(Codecs.characters(), c);
    }
    for (int i : new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}) {
      roundTrips(Codecs.integers(), i);
    }
    for (long l : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
      roundTrips(Codecs.longs(), l);
    }
    for (float f : new float[] {Float.NEGATIVE_INFINITY, -0f, 0f, 1.5f, Float.NaN}) {
      roundTrips(Codecs.floats(), f);
    }
    for (double d : new double[] {Double.MIN_VALUE, -0d, 0d, Math.PI, Double.NaN}) {
      roundTrips(Codecs.doubles(), d);
    }
    roundTrips(Codecs.string(), "");
    roundTrips(Codecs.string(), "h\u00e9llo \ud83d\ude00");
  }

  @Test
  void boxesAreFixedWidthBigEndianAsDataOutputWritesThePrimitive() throws IOException {
    assertArrayEquals(bytes(1), encode(Codecs.booleans(), true));
    assertArrayEquals(bytes(0), encode(Codecs.booleans(), false));
    assertArrayEquals(bytes(0xFE), encode(Codecs.bytes(), (byte) -2));
    assertArrayEquals(bytes(0x01, 0x02), encode(Codecs.shorts(), (short) 0x0102));
    assertArrayEquals(bytes(0x00, 0x41), encode(Codecs.characters(), 'A'));
    assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFE), encode(Codecs.integers(), -2));
    assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0x01, 0x00), encode(Codecs.longs(), 256L));
    assertArrayEquals(bytes(0x3F, 0xC0, 0, 0), encode(Codecs.floats(), 1.5f));
    assertArrayEquals(bytes(0x3F, 0xF8, 0, 0, 0, 0, 0, 0), encode(Codecs.doubles(), 1.5d));
    assertArrayEquals(bytes(0, 0, 0, 2, 0xC3, 0xA9), encode(Codecs.string(), "\u00e9"));
  }

  @Test
  void enumsAreWrittenByName() throws IOException {
    assertArrayEquals(
        bytes(5, 'G', 'R', 'E', 'E', 'N'), encode(Codecs.enums(Color.class), Color.GREEN));
    roundTrips(Codecs.enums(Color.class), Color.RED);
    roundTrips(Codecs.enums(Color.class), Color.GREEN);
  }

  @Test
  void reorderedConstantsStillRead() throws IOException {
    byte[] red = encode(Codecs.enums(Color.class), Color.RED);
    assertEquals(Reordered.RED, decode(Codecs.enums(Reordered.class), red));
  }

  @Test
  void aConstantThatIsGoneFailsNamingTheEnumAndTheConstant() throws IOException {
    byte[] blue = encode(Codecs.enums(Reordered.class), Reordered.BLUE);
    IOException failure =
        assertThrows(IOException.class, () -> decode(Codecs.enums(Color.class), blue));
    assertEquals(
        "enum dev.sluice.runtime.codec.CodecsTest$Color has no constant BLUE any more; a snapshot"
            + " holding it cannot be read by this build (restore the constant, or start with a"
            + " new checkpoint directory)",
        failure.getMessage());
  }

  @Test
  void nullableWritesAFlagBeforeTheValue() throws IOException {
    Codec<String> codec = Codecs.nullable(Codecs.string());
    assertArrayEquals(bytes(0), encode(codec, null));
    assertArrayEquals(bytes(1, 0, 0, 0, 1, 'x'), encode(codec, "x"));
    roundTrips(codec, null);
    roundTrips(codec, "x");
  }

  @Test
  void listsAreAVarintSizeAndTheElementsAndReadIntoArrayLists() throws IOException {
    Codec<List<Integer>> codec = Codecs.list(Codecs.integers());
    assertArrayEquals(bytes(2, 0, 0, 0, 7, 0, 0, 0, 8), encode(codec, List.of(7, 8)));
    List<Integer> read = decode(codec, encode(codec, List.of(3, 1, 2)));
    assertEquals(List.of(3, 1, 2), read);
    assertInstanceOf(ArrayList.class, read);
    roundTrips(codec, List.of());
    List<String> withNull = Arrays.asList("a", null, "b");
    roundTrips(Codecs.list(Codecs.nullable(Codecs.string())), withNull);
  }

  @Test
  void sizesAreVarints() throws IOException {
    Codec<List<Boolean>> codec = Codecs.list(Codecs.booleans());
    List<Boolean> many = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(i % 2 == 0);
    }
    byte[] encoded = encode(codec, many);
    assertEquals(2 + 300, encoded.length);
    assertEquals((byte) 0xAC, encoded[0]); // 300 = 0b10_0101100: 0x2C with the high bit, then 2
    assertEquals(2, encoded[1]);
    assertEquals(many, decode(codec, encoded));
  }

  @Test
  void aMalformedSizeFails() {
    Codec<List<Boolean>> codec = Codecs.list(Codecs.booleans());
    IOException failure =
        assertThrows(
            IOException.class, () -> decode(codec, bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01)));
    assertEquals("malformed size: more than 31 bits", failure.getMessage());
    assertThrows(EOFException.class, () -> decode(codec, bytes(0x80)));
  }

  @Test
  void optionalsAreAFlagAndTheValue() throws IOException {
    Codec<Optional<Long>> codec = Codecs.optional(Codecs.longs());
    assertArrayEquals(bytes(0), encode(codec, Optional.empty()));
    assertArrayEquals(bytes(1, 0, 0, 0, 0, 0, 0, 0, 9), encode(codec, Optional.of(9L)));
    roundTrips(codec, Optional.empty());
    roundTrips(codec, Optional.of(-1L));
  }

  @Test
  void mapsKeepTheirOrderAndReadIntoLinkedHashMaps() throws IOException {
    Codec<Map<String, Integer>> codec = Codecs.map(Codecs.string(), Codecs.integers());
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put("a", 2);
    map.put("m", 3);
    assertArrayEquals(bytes(1, 0, 0, 0, 1, 'z', 0, 0, 0, 1), encode(codec, Map.of("z", 1)));
    Map<String, Integer> read = decode(codec, encode(codec, map));
    assertEquals(List.of("z", "a", "m"), List.copyOf(read.keySet()));
    assertEquals(map, read);
    assertInstanceOf(LinkedHashMap.class, read);
  }

  @Test
  void nestedCodecsRoundTrip() throws IOException {
    Codec<Map<Color, List<Optional<String>>>> codec =
        Codecs.map(Codecs.enums(Color.class), Codecs.list(Codecs.optional(Codecs.string())));
    Map<Color, List<Optional<String>>> value = new LinkedHashMap<>();
    value.put(Color.GREEN, List.of(Optional.of("g"), Optional.empty()));
    value.put(Color.RED, List.of());
    roundTrips(codec, value);
  }

  @Test
  void alwaysNullHasNoValues() {
    Codec<Object> codec = Codecs.alwaysNull();
    IOException write = assertThrows(IOException.class, () -> encode(codec, "x"));
    assertEquals("Codecs.alwaysNull() cannot write x: it holds only null", write.getMessage());
    IOException read = assertThrows(IOException.class, () -> decode(codec, bytes()));
    assertEquals("Codecs.alwaysNull() has no value to read: it holds only null", read.getMessage());
  }
}
