/**
 * The types a pipeline class is written against: {@link dev.sluice.api.KV} records, the {@link
 * dev.sluice.api.Emitter} of flat maps, and the {@link dev.sluice.api.Source} and {@link
 * dev.sluice.api.Sink} interfaces that custom inputs and outputs implement.
 */
package dev.sluice.api;
