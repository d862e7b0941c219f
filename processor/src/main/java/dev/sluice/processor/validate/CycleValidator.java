package dev.sluice.processor.validate;

import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.Wiring;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that no stages read each other in a cycle; each cycle is one error, on the {@code from}
 * that closes it: that of the cycle's first-declared stage.
 */
final class CycleValidator {

  /** The stages on a cycle, which type checking then skips. */
  Set<String> validate(
      PipelineDeclaration pipeline, Map<String, List<String>> sources, ValidationReport report) {
    Set<String> cyclic = new HashSet<>();
    for (List<String> cycle : wiring(pipeline, sources).cycles()) {
      cyclic.addAll(cycle);
      // the first-declared stage of the cycle reads the stage before it: that from closes it
      StageDeclaration closing = pipeline.stage(cycle.get(0)).orElseThrow();
      int index = closing.from().indexOf(cycle.get(cycle.size() - 2));
      report.error(
          WiringMessages.cycle(pipeline.name(), cycle),
          closing.method(),
          closing.annotation(),
          closing.fromValue(index));
    }
    return cyclic;
  }

  /** The wiring of the correctly wired stages. */
  static Wiring wiring(PipelineDeclaration pipeline, Map<String, List<String>> sources) {
    Wiring.Builder wiring = Wiring.builder();
    for (String name : pipeline.stageNames()) {
      wiring.add(name, sources.getOrDefault(name, List.of()));
    }
    return wiring.build();
  }
}
