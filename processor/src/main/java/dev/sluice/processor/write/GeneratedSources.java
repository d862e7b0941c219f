package dev.sluice.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.sluice.processor.model.GeneratedNames;
import dev.sluice.processor.model.PipelineGraph;
import dev.sluice.processor.plan.ExecutionPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * Writes the sources generated for one planned pipeline: {@code <Pipeline>Pipeline} and, unless
 * {@code generateMain = false}, {@code <Pipeline>Main}. Output depends only on the plan, so the
 * same pipeline always gives the same bytes.
 */
public final class GeneratedSources {

  private final String generator;

  /**
   * @param generator the value of the {@code @Generated} annotation on every generated class, or
   *     {@code null} when {@code javax.annotation.processing.Generated} is not available
   */
  public GeneratedSources(String generator) {
    this.generator = generator;
  }

  /** The files for {@code plan}, each registering {@code origin} as its originating element. */
  public List<JavaFile> write(ExecutionPlan plan, Element origin) {
    PipelineGraph graph = plan.graph();
    ClassName pipeline = GeneratedNames.pipeline(graph.pipelineClass());
    List<JavaFile> files = new ArrayList<>();
    files.add(file(PipelineWriter.write(plan, pipeline), pipeline, origin));
    if (graph.generateMain()) {
      ClassName main = GeneratedNames.main(graph.pipelineClass());
      files.add(file(MainWriter.write(graph, main, pipeline), main, origin));
    }
    return files;
  }

  /**
   * The text of a generated {@code file}: JavaPoet's, with comment lines wrapped at {@value
   * CommentWrapper#COLUMN_LIMIT} columns.
   */
  public static String text(JavaFile file) {
    return CommentWrapper.wrap(file.toString());
  }

  private JavaFile file(TypeSpec.Builder type, ClassName name, Element origin) {
    if (generator != null) {
      type.addAnnotation(
          AnnotationSpec.builder(RuntimeTypes.GENERATED)
              .addMember("value", "$S", generator)
              .build());
    }
    if (origin != null) {
      type.addOriginatingElement(origin);
    }
    return JavaFile.builder(name.packageName(), type.build())
        .indent("  ")
        .skipJavaLangImports(true)
        .build();
  }
}
