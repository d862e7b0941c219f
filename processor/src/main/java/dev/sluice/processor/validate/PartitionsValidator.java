package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import dev.sluice.processor.model.StageKind;

/**
 * Checks the {@code partitions} of the operators that have one: at least 1 for
 * {@code @Repartition}, which deals records to that many partitions; at least 0 for a shuffle's
 * reduce partitions, where 0 means the pipeline's parallelism. Errors go on the value.
 */
final class PartitionsValidator {

  /** Whether {@code stage}'s partitions are in range; reports if not. */
  boolean validate(StageDeclaration stage, ValidationReport report) {
    int minimum = stage.kind() == StageKind.REPARTITION ? 1 : 0;
    if (stage.partitions() >= minimum) {
      return true;
    }
    report.error(
        SignatureMessages.partitions(stage.kind(), stage.name(), stage.partitions()),
        stage.method(),
        stage.annotation(),
        stage.partitionsValue());
    return false;
  }
}
