package dev.sluice.processor.validate;

import dev.sluice.processor.model.BatchInterval;
import dev.sluice.processor.model.PipelineDeclaration;
import java.util.OptionalLong;

/** Checks {@code @Pipeline(batchInterval)} against its grammar; the error goes on the value. */
final class BatchIntervalValidator {

  /** The interval in milliseconds, or empty after reporting why it is invalid. */
  OptionalLong validate(PipelineDeclaration pipeline, ValidationReport report) {
    OptionalLong millis = BatchInterval.parseMillis(pipeline.batchInterval());
    if (millis.isEmpty()) {
      report.error(
          ClassMessages.batchInterval(pipeline.batchInterval(), pipeline.name()),
          pipeline.type(),
          pipeline.annotation(),
          pipeline.batchIntervalValue());
    }
    return millis;
  }
}
