package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageTypes;
import java.util.Map;

/**
 * The outcome of validating one pipeline.
 *
 * @param report what was found; code is generated only if it is clean
 * @param types the record types of each stage, complete when the report is clean
 * @param batchIntervalMillis the parsed batch interval, valid when the report is clean
 */
public record Validation(
    ValidationReport report, Map<String, StageTypes> types, long batchIntervalMillis) {

  /** Copies the type map. */
  public Validation {
    types = Map.copyOf(types);
  }
}
