/**
 * The entry point javac runs: {@link dev.sluice.processor.SluiceProcessor}, a thin driver over the
 * phases in the sub-packages, each depending only on those before it: {@code model} (what a
 * pipeline is), {@code validate} (is it right), {@code plan} (how it runs), {@code write} (the
 * generated sources).
 */
package dev.sluice.processor;
