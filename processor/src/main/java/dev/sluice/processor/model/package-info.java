/**
 * What a pipeline is, in two forms. The compiler-facing declarations ({@link
 * dev.sluice.processor.model.PipelineDeclaration}, read from elements by {@link
 * dev.sluice.processor.model.DeclarationReader}) keep every element and annotation value that
 * messages point at; validation checks them. The plain graph ({@link
 * dev.sluice.processor.model.PipelineGraph} of {@link dev.sluice.processor.model.Stage}s, built by
 * {@link dev.sluice.processor.model.GraphBuilder} once validation is clean) names types with
 * JavaPoet's {@code TypeName}s and no compiler handles, so that the planner and its tests run
 * without javac.
 *
 * <p>Depends on nothing else in the processor.
 */
package dev.sluice.processor.model;
