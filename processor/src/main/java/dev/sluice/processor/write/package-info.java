/**
 * Writes the generated sources of a planned pipeline with JavaPoet: the {@code <Pipeline>Pipeline}
 * class (a typed builder and the fused per-segment program) and the {@code <Pipeline>Main} command
 * line. Generated code depends only on Sluice's api, {@code dev.sluice.runtime.PipelineBuilder},
 * the {@code dev.sluice.runtime.internal} seam and {@code dev.sluice.runtime.cli.PipelineMain}.
 *
 * <p>Depends on {@code model} and {@code plan}; never on {@code validate}.
 */
package dev.sluice.processor.write;
