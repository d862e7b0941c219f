/**
 * Checks a {@link dev.sluice.processor.model.PipelineDeclaration}: one validator per construct (the
 * class, the batch interval, stage methods, each operator's signature, names, {@code from} wiring,
 * cycles, outputs, types along the wiring), all reporting into one {@link
 * dev.sluice.processor.validate.ValidationReport} with texts from {@link
 * dev.sluice.processor.validate.ErrorMessages}.
 *
 * <p>Depends on {@code model} only; never on {@code plan} or {@code write}.
 */
package dev.sluice.processor.validate;
