package dev.sluice.bench.seam;

import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.internal.PipelineProgram;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The compiled program behind a generated builder, for benchmarks that drive its segments directly
 * through the runtime seam ({@link PipelineProgram#runTask}) with no engine threads in between. The
 * builder's {@code createProgram} is protected (only the engine needs it), so this reaches it
 * reflectively, once per benchmark set-up.
 */
public final class Programs {

  private Programs() {}

  /** The program {@code builder} would run, with its bound (or default) sources and sinks. */
  public static PipelineProgram compile(PipelineBuilder<?> builder, int parallelism) {
    try {
      Method create = PipelineBuilder.class.getDeclaredMethod("createProgram", int.class);
      create.setAccessible(true);
      return (PipelineProgram) create.invoke(builder, parallelism);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("creating the program failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("PipelineBuilder.createProgram(int) is not reachable", e);
    }
  }
}
