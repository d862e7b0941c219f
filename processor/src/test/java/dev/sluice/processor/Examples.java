package dev.sluice.processor;

import javax.tools.JavaFileObject;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The examples module's sources, read where they live so tests never test a stale copy. */
public final class Examples {

  private static final Path SOURCES = Path.of("../examples/src/main/java");

  private Examples() {}

  /** {@code dev.sluice.examples.WordCount}, as in the examples module. */
  public static JavaFileObject wordCount() {
    return example("dev.sluice.examples.WordCount");
  }

  private static JavaFileObject example(String className) {
    Path file = SOURCES.resolve(className.replace('.', '/') + ".java");
    try {
      return JavaFileObjects.forSourceString(className, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
