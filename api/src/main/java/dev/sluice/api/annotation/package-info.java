/**
 * The annotations that declare a pipeline: {@link dev.sluice.api.annotation.Pipeline} on the class,
 * one operator annotation per method, wired by stage name through {@code from}.
 */
package dev.sluice.api.annotation;
