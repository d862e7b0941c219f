package dev.sluice.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;

/** Compiles test pipelines with the processor, as users' builds would. */
public final class Compilations {

  private Compilations() {}

  /** Compiles {@code sources} with the processor and no extra options. */
  public static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new SluiceProcessor()).compile(sources);
  }

  /**
   * Compiles {@code sources} with the processor, asserts success without any warning, then compiles
   * them again together with the generated sources, without processors, under {@code -Xlint:all
   * -Werror}, and asserts that succeeds too: generated code lands in users' builds and must be
   * warning-free. (The second pass runs no processor because javac's {@code -Xlint:processing}
   * warns about every annotation no processor claims, and Sluice's processor claims none, as
   * processors should not; the parent pom turns that category off for the same reason.)
   */
  public static Compilation compileStrict(JavaFileObject... sources) {
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    List<JavaFileObject> all = new ArrayList<>(List.of(sources));
    for (JavaFileObject generated : compilation.generatedSourceFiles()) {
      all.add(
          JavaFileObjects.forSourceString(
              generated
                  .getName()
                  .replaceAll("^.*SOURCE_OUTPUT/", "")
                  .replace(".java", "")
                  .replace('/', '.'),
              content(generated)));
    }
    Compilation strict =
        Compiler.javac().withOptions("-proc:none", "-Xlint:all", "-Werror").compile(all);
    assertThat(strict).succeededWithoutWarnings();
    return compilation;
  }

  /** The text of generated source {@code qualifiedName}, which must exist. */
  public static String generated(Compilation compilation, String qualifiedName) {
    Optional<JavaFileObject> file = compilation.generatedSourceFile(qualifiedName);
    assertTrue(
        file.isPresent(),
        () -> "no generated " + qualifiedName + " in " + compilation.generatedSourceFiles());
    return content(file.get());
  }

  /** The lines every {@link #pipeline} source starts with: the package and imports. */
  public static final int HEADER_LINES = 5;

  /**
   * A source {@code p.<name>} with the usual imports ({@link #HEADER_LINES} lines: the api, its
   * annotations, {@code Sinks} and {@code Sources}) followed by {@code body}; so the first line of
   * the body is line 6.
   */
  public static JavaFileObject pipeline(String name, String... body) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "package p;",
                "import dev.sluice.api.*;",
                "import dev.sluice.api.annotation.*;",
                "import dev.sluice.runtime.sink.Sinks;",
                "import dev.sluice.runtime.source.Sources;"));
    lines.addAll(List.of(body));
    return source("p." + name, lines.toArray(new String[0]));
  }

  /** A source file from lines. */
  public static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  private static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
