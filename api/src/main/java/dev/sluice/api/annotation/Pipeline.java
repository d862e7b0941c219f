package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose methods are the operators of one streaming pipeline.
 *
 * <p>Each annotated method is a stage, named by the method; stages are wired by name through {@code
 * from}. At compile time Sluice's annotation processor checks the pipeline and generates, in the
 * same package, {@code <Class>Pipeline} (a typed builder) and {@code <Class>Main} (a runnable main
 * class). Methods may be static or instance methods; instance methods run on one instance made with
 * the class's no-argument constructor and must be safe to call from several threads at once.
 *
 * <pre>{@code
 * @Pipeline(batchInterval = "2s")
 * public final class WordCount { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Pipeline {

  /**
   * The default batch interval: a number and a unit, {@code ms}, {@code s}, {@code m} or {@code h}
   * ({@code "500ms"}, {@code "2s"}). The generated builder and main can override it.
   */
  String batchInterval() default "1s";

  /** Whether to generate the runnable {@code <Class>Main}. */
  boolean generateMain() default true;
}
