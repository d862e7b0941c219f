package dev.sluice.processor.validate;

import dev.sluice.processor.model.Encoding;
import dev.sluice.processor.model.Helper;
import dev.sluice.processor.model.StageTypes;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/**
 * The outcome of validating one pipeline.
 *
 * @param report what was found; code is generated only if it is clean
 * @param types the record types of each stage, complete when the report is clean
 * @param helpers the helper methods each stage's annotation names, by stage name, complete when the
 *     report is clean
 * @param batchIntervalMillis the parsed batch interval, valid when the report is clean
 * @param codecs the codecs of the stores of every stateful stage, by stage name, complete when the
 *     report is clean
 */
public record Validation(
    ValidationReport report,
    Map<String, StageTypes> types,
    Map<String, Map<Helper, ExecutableElement>> helpers,
    long batchIntervalMillis,
    Map<String, Encoding.Store> codecs) {

  /** Copies the maps. */
  public Validation {
    types = Map.copyOf(types);
    helpers = Map.copyOf(helpers);
    codecs = Map.copyOf(codecs);
  }
}
