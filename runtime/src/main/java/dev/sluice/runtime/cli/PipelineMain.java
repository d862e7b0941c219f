package dev.sluice.runtime.cli;

import dev.sluice.runtime.PipelineBuilder;
import java.util.function.Supplier;

/**
 * The body of every generated {@code <Pipeline>Main}. STUB: the signature is the contract.
 */
public final class PipelineMain {

  private PipelineMain() {}

  /** Parses {@code args}, binds inputs and outputs by URI, runs the pipeline until stopped. */
  public static void run(String[] args, Supplier<? extends PipelineBuilder<?>> builders) {
    throw new UnsupportedOperationException("not written yet");
  }
}
