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
 * <p>An input whose source is always bound from outside, as in a pipeline written for tests, has no
 * default: declare its method {@code abstract} (in an abstract pipeline class or an interface,
 * whose other stage methods are then static). {@code build()} and the generated main refuse to run
 * while it is unbound.
 *
 * <pre>{@code
 * @Input
 * abstract Source<String> lines();
 * }</pre>
 *
 * <p>Signature: {@code Source<T> name()}, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Input {}
