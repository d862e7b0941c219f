package dev.sluice.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sluice.processor.Compilations.generated;
import static dev.sluice.processor.Compilations.pipeline;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * A pipeline whose stage types another processor generates is processed in a later round, once the
 * types exist, rather than rejected with false errors in the first.
 */
class DeferralTest {

  /** Generates {@code p.Word} in its first round, as some other processor might. */
  static final class WordGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("dev.sluice.api.annotation.Pipeline");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile("p.Word").openWriter()) {
          writer.write("package p;\npublic record Word(String text) {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void stageTypesGeneratedInALaterRoundAreWaitedFor() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new SluiceProcessor(), new WordGenerator())
            .compile(
                pipeline(
                    "Typed",
                    "@Pipeline",
                    "final class Typed {",
                    "  @Input static Source<String> lines() { return Sources.demo(); }",
                    "  @Map(from = \"lines\") static Word words(String s) { return new Word(s); }",
                    "  @Output(from = \"words\") static Sink<Word> print() { return Sinks.print();"
                        + " }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String source = generated(compilation, "p.TypedPipeline");
    assertTrue(source.contains("public Builder print(Sink<? super Word> sink) {"), source);
  }
}
