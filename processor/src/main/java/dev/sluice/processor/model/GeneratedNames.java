package dev.sluice.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * The names of the classes generated for a pipeline class: in its package, named from its simple
 * names joined with {@code _} ({@code p.Outer.Inner} gives {@code p.Outer_InnerPipeline}).
 */
public final class GeneratedNames {

  private GeneratedNames() {}

  /** The generated pipeline class: {@code WordCountPipeline}. */
  public static ClassName pipeline(ClassName pipelineClass) {
    return ClassName.get(pipelineClass.packageName(), joined(pipelineClass) + "Pipeline");
  }

  /** The generated main class: {@code WordCountMain}. */
  public static ClassName main(ClassName pipelineClass) {
    return ClassName.get(pipelineClass.packageName(), joined(pipelineClass) + "Main");
  }

  private static String joined(ClassName pipelineClass) {
    return String.join("_", pipelineClass.simpleNames());
  }
}
