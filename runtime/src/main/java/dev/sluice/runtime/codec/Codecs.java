package dev.sluice.runtime.codec;

import dev.sluice.api.Codec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The built-in {@link Codec}s. */
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

  private Codecs() {}

  /**
   * Strings as a 32-bit length and their UTF-8 bytes; any length (where {@code writeUTF} stops at
   * 64 KiB). A lone surrogate becomes {@code ?}, as in every UTF-8 encoding by the JDK.
   */
  public static Codec<String> string() {
    return STRING;
  }
}
