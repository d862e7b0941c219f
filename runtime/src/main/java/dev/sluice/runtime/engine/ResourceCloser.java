package dev.sluice.runtime.engine;

import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PipelineProgram;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes a program's sources and sinks when its pipeline stops. */
final class ResourceCloser {

  private static final Logger log = LoggerFactory.getLogger(ResourceCloser.class);

  private ResourceCloser() {}

  /**
   * Closes every source, then every sink, each once even if bound to two ports; a failing close is
   * logged and the others still close.
   */
  static void closeAll(PipelineProgram program) {
    Set<Object> closed = Collections.newSetFromMap(new IdentityHashMap<>());
    for (InputSlot input : program.inputs()) {
      if (closed.add(input.source())) {
        try {
          input.source().close();
        } catch (Throwable e) { // one failing close must not keep the others open
          log.warn(
              "Closing the source of input '{}' of {} failed", input.name(), program.name(), e);
        }
      }
    }
    for (OutputSlot output : program.outputs()) {
      if (closed.add(output.sink())) {
        try {
          output.sink().close();
        } catch (Throwable e) { // one failing close must not keep the others open
          log.warn(
              "Closing the sink of output '{}' of {} failed", output.name(), program.name(), e);
        }
      }
    }
  }
}
