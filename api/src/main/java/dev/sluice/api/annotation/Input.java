package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an input of the pipeline (Spark's input DStream). The method returns the default {@link
 * dev.sluice.api.Source}; the generated builder and main can bind another one by the method's name.
 *
 * <pre>{@code
 * @Input
 * Source<String> lines() { return Sources.socketText("localhost", 9999); }
 * }</pre>
 *
 * <p>Signature: {@code Source<T> name()}, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Input {}
