package dev.sluice.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sluice.processor.Compilations.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A bug in the processor, whatever it throws, is one {@code [Sluice/InternalError]} on the pipeline
 * class it was compiling, asking for a report with the stack trace; the other pipelines of the
 * compilation are still processed.
 */
class InternalErrorTest {

  private static JavaFileObject pipelineNamed(String name) {
    return pipeline(
        name,
        "@Pipeline", // 6
        "final class " + name + " {",
        "  @Input static Source<String> lines() { return Sources.demo(); }",
        "  @Output(from = \"lines\") static Sink<String> print() { return Sinks.print(); }",
        "}");
  }

  @Test
  void anErrorThrownByTheProcessorIsOneInternalErrorOnThePipeline() {
    JavaFileObject broken = pipelineNamed("Broken");
    SluiceProcessor processor =
        new SluiceProcessor(
            type -> {
              if (type.getSimpleName().contentEquals("Broken")) {
                throw new StackOverflowError("deep");
              }
            });
    RecordingProcessor recording = new RecordingProcessor(processor);
    Compilation compilation =
        Compiler.javac().withProcessors(recording).compile(broken, pipelineNamed("Fine"));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Sluice/InternalError]").inFile(broken).onLine(7);
    List<String> lines = compilation.errors().get(0).getMessage(null).lines().toList();
    assertEquals(
        "[Sluice/InternalError] Sluice's processor failed on Broken; please report this with the"
            + " stack trace: java.lang.StackOverflowError: deep",
        lines.get(0));
    assertTrue(
        lines.get(1).strip().startsWith("at dev.sluice.processor.InternalErrorTest"), lines.get(1));
    assertEquals(List.of("p.FinePipeline", "p.FineMain"), recording.created());
  }

  @Test
  void aRuntimeExceptionIsReportedTheSameWay() {
    JavaFileObject broken = pipelineNamed("Broken");
    Compilation compilation =
        Compiler.javac()
            .withProcessors(
                new SluiceProcessor(
                    type -> {
                      throw new IllegalStateException("no plan");
                    }))
            .compile(broken);

    assertThat(compilation).hadErrorCount(1);
    assertEquals(
        "[Sluice/InternalError] Sluice's processor failed on Broken; please report this with the"
            + " stack trace: java.lang.IllegalStateException: no plan",
        compilation.errors().get(0).getMessage(null).lines().findFirst().orElseThrow());
  }
}
