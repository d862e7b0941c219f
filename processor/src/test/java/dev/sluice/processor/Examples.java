package dev.sluice.processor;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/** The examples module's sources, read where they live so tests never test a stale copy. */
public final class Examples {

  private static final Path SOURCES = Path.of("../examples/src/main/java");
  private static final Path TESTS = Path.of("../examples/src/test/java");

  private Examples() {}

  /** {@code dev.sluice.examples.WordCount}, as in the examples module. */
  public static JavaFileObject wordCount() {
    return example("dev.sluice.examples.WordCount");
  }

  /** {@code dev.sluice.examples.ClickImpressionJoin}, as in the examples module. */
  public static JavaFileObject clickImpressionJoin() {
    return example("dev.sluice.examples.ClickImpressionJoin");
  }

  /** An example of the examples module by simple name, such as {@code WindowedWordCount}. */
  public static JavaFileObject named(String simpleName) {
    return example("dev.sluice.examples." + simpleName);
  }

  /**
   * A pipeline of the examples module's semantics tests, {@code
   * dev.sluice.examples.semantics.<name>}: {@code NarrowOps}, {@code KeyedOps} or {@code JoinOps}.
   */
  public static JavaFileObject semantics(String name) {
    String className = "dev.sluice.examples.semantics." + name;
    return read(className, TESTS.resolve(className.replace('.', '/') + ".java"));
  }

  private static JavaFileObject example(String className) {
    return read(className, SOURCES.resolve(className.replace('.', '/') + ".java"));
  }

  private static JavaFileObject read(String className, Path file) {
    try {
      return JavaFileObjects.forSourceString(className, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
