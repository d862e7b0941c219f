/**
 * Sluice's test kit: drive a generated pipeline batch by batch from a JUnit 5 test, like Kafka
 * Streams' {@code TopologyTestDriver}. {@link dev.sluice.test.PipelineTestDriver} runs a pipeline
 * built from its generated builder on a clock that moves only when the test says; a {@link
 * dev.sluice.test.TestInput} takes each batch's records, a {@link dev.sluice.test.TestOutput} gives
 * back each batch's records as lists; {@link dev.sluice.test.SluiceExtension} resolves a driver as
 * a test parameter and closes it; {@link dev.sluice.test.BatchAssertions} reads like Spark's
 * semantics.
 *
 * <p>Add {@code dev.sluice:sluice-test} in test scope; see {@code docs/testing.md}.
 */
package dev.sluice.test;
