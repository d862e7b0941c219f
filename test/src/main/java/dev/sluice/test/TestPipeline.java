package dev.sluice.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which pipeline {@link SluiceExtension} drives for a {@link PipelineTestDriver} parameter:
 *
 * <pre>{@code
 * @ExtendWith(SluiceExtension.class)
 * class WordCountTest {
 *   @Test
 *   void counts(@TestPipeline(WordCountPipeline.class) PipelineTestDriver driver) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TestPipeline {

  /** The generated pipeline class, such as {@code WordCountPipeline}: its {@code builder()}. */
  Class<?> value();

  /** The partitions per batch; 1 by default, so that records come in one deterministic order. */
  int parallelism() default 1;

  /** The clock's start in ms; batch 0 is at the first multiple of the interval after it. */
  long startMillis() default 0;
}
