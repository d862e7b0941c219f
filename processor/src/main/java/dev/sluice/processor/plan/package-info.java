/**
 * Turns a {@link dev.sluice.processor.model.PipelineGraph} into an {@link
 * dev.sluice.processor.plan.ExecutionPlan}: segments cut at shuffle boundaries, narrow stages
 * fused, map-side combines placed, segments ordered writer before reader.
 *
 * <p>Plain Java over the plain model: nothing here imports {@code javax.lang.model}, so the planner
 * is unit-tested without a compiler. Depends on {@code model} only.
 */
package dev.sluice.processor.plan;
