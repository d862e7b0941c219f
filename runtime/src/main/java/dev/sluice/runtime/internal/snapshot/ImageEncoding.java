package dev.sluice.runtime.internal.snapshot;

import dev.sluice.api.Codec;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The bytes of a {@link PartitionImage}, written with its stage's codecs: the positions, then each
 * section as its tag, its entry count, a flag saying whether its extras are stored (most stores
 * have none), and its entries, each key and value preceded by a byte saying whether it is {@code
 * null}, so that codecs never see one.
 *
 * <p>Stateless; safe from any thread.
 */
public final class ImageEncoding {

  private ImageEncoding() {}

  /** The bytes of {@code image}, with the codecs of {@code stage}. */
  public static <K, V> byte[] encode(StageState<K, V> stage, PartitionImage<K, V> image)
      throws IOException {
    ByteSink bytes = new ByteSink(64 + (int) Math.min(1 << 26, image.entries() * 16));
    DataOutputStream out = new DataOutputStream(bytes);
    long[] positions = image.positions();
    out.writeInt(positions.length);
    for (long position : positions) {
      out.writeLong(position);
    }
    out.writeInt(image.sections().size());
    for (PartitionImage.Section<K, V> section : image.sections()) {
      out.writeLong(section.tag());
      int size = section.size();
      out.writeInt(size);
      boolean extras = false;
      for (int i = 0; i < size && !extras; i++) {
        extras = section.extra(i) != 0;
      }
      out.writeBoolean(extras);
      for (int i = 0; i < size; i++) {
        if (stage.keys() != null) {
          write(stage.keys(), section.key(i), out);
        }
        write(stage.values(), section.value(i), out);
        if (extras) {
          out.writeLong(section.extra(i));
        }
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  /**
   * The image {@link #encode} wrote into {@code bytes}.
   *
   * @throws IOException if the bytes do not hold one whole image, or a codec fails
   */
  public static <K, V> PartitionImage<K, V> decode(StageState<K, V> stage, byte[] bytes)
      throws IOException {
    DataInputStream in = new DataInputStream(new ByteSource(bytes));
    int count = count(in, "positions");
    long[] positions = new long[count];
    for (int i = 0; i < count; i++) {
      positions[i] = in.readLong();
    }
    PartitionImage<K, V> image = new PartitionImage<>(positions);
    int sections = count(in, "sections");
    for (int s = 0; s < sections; s++) {
      PartitionImage.Section<K, V> section = image.addSection(in.readLong());
      int size = count(in, "entries");
      boolean extras = in.readBoolean();
      for (int i = 0; i < size; i++) {
        K key = stage.keys() == null ? null : read(stage.keys(), in);
        V value = read(stage.values(), in);
        section.add(key, value, extras ? in.readLong() : 0);
      }
    }
    if (in.available() > 0) {
      throw new IOException(in.available() + " bytes follow the image of stage " + stage.name());
    }
    return image;
  }

  private static <T> void write(Codec<T> codec, T value, DataOutput out) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      codec.write(value, out);
    }
  }

  private static <T> T read(Codec<T> codec, DataInput in) throws IOException {
    return in.readBoolean() ? codec.read(in) : null;
  }

  private static int count(DataInput in, String what) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("negative count of " + what + ": " + count);
    }
    return count;
  }
}
