package dev.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.BatchSource;
import dev.sluice.runtime.PipelineBuilder.Port;
import dev.sluice.runtime.internal.PipelineProgram;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineBuilderTest {

  private static final Port LINES = new Port("lines", "String", true, false);
  private static final Port EVENTS = new Port("events", "Event", false, false);

  @Test
  void aPortHasADefaultUnlessSaidOtherwise() {
    assertEquals(new Port("lines", "String", true, true), new Port("lines", "String", true));
  }

  @Test
  void buildNamesTheFirstUnboundInputWithoutDefaultAndItsFlag() {
    Builder builder = new Builder();
    assertEquals(List.of(LINES, EVENTS), builder.unboundInputs());
    IllegalStateException failure = assertThrows(IllegalStateException.class, builder::build);
    assertEquals(
        "input 'lines' of pipeline Clicks has no default source; bind one with .lines(source) or"
            + " --lines URI",
        failure.getMessage());
  }

  @Test
  void anInputThatIsNotTextIsBoundInCodeOnly() {
    BatchSource<Object> none = time -> List.of();
    Builder builder = new Builder().bindInput("lines", none);
    assertEquals(List.of(EVENTS), builder.unboundInputs());
    IllegalStateException failure = assertThrows(IllegalStateException.class, builder::buildOnce);
    assertEquals(
        "input 'events' of pipeline Clicks has no default source; bind one with .events(source)",
        failure.getMessage());
  }

  /** A builder whose two inputs have no default; it never gets as far as creating a program. */
  private static final class Builder extends PipelineBuilder<Builder> {
    Builder() {
      super(
          "Clicks",
          Duration.ofSeconds(1),
          List.of(LINES, EVENTS),
          List.of(new Port("print", "String", true)));
    }

    @Override
    protected PipelineProgram createProgram(int parallelism) {
      throw new AssertionError("created a program with inputs unbound");
    }
  }
}
