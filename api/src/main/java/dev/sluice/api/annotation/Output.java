package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an output operation of the pipeline: every batch of the stages it reads is written to
 * the {@link dev.sluice.api.Sink} the method returns (the default; the generated builder and main
 * can bind another one by the method's name). A pipeline needs at least one output.
 *
 * <pre>{@code
 * @Output(from = "counts")
 * Sink<KV<String, Long>> print() { return Sinks.print(); }
 * }</pre>
 *
 * <p>Signature: {@code Sink<T> name()}, no parameters, where {@code T} is the type the stages in
 * {@code from} produce (or a supertype).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Output {

  /** The stage or stages whose records this output writes. */
  String[] from();
}
