/**
 * Checks a {@link dev.sluice.processor.model.PipelineDeclaration}: one validator per construct (the
 * class, the batch interval, stage methods, each operator's signature, names, {@code from} wiring,
 * cycles, outputs, types along the wiring), all reporting into one {@link
 * dev.sluice.processor.validate.ValidationReport}. Message texts live in one class per concern
 * ({@code WiringMessages}, {@code TypeMessages}, {@code SignatureMessages}, {@code HelperMessages},
 * {@code WindowMessages}, {@code StateMessages}, {@code ClassMessages}), each message starting with
 * its stable {@link dev.sluice.processor.validate.Tag}.
 *
 * <p>Depends on {@code model} only; never on {@code plan} or {@code write}.
 */
package dev.sluice.processor.validate;
