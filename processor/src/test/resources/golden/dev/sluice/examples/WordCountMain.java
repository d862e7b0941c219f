package dev.sluice.examples;

import dev.sluice.runtime.cli.PipelineMain;
import javax.annotation.processing.Generated;

/**
 * The command line of pipeline {@link WordCount}: binds its inputs and outputs by URI from the
 * arguments and runs it until stopped. Run it with {@code --help} for the flags.
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class WordCountMain {
  private WordCountMain() {
  }

  /**
   * Runs pipeline {@code WordCount}; {@code --help} lists the flags.
   */
  public static void main(String[] args) {
    PipelineMain.run(args, WordCountPipeline::builder);
  }
}
