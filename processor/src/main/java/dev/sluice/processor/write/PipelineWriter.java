package dev.sluice.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.sluice.processor.model.PipelineGraph;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.TypeText;
import dev.sluice.processor.plan.ExecutionPlan;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Pipeline>Pipeline}: the entry point users call, {@code builder()}, with the {@code
 * Builder} and the private {@code Program} nested inside.
 */
final class PipelineWriter {

  private PipelineWriter() {}

  static TypeSpec.Builder write(ExecutionPlan plan, ClassName pipeline) {
    PipelineGraph graph = plan.graph();
    ClassName builder = pipeline.nestedClass(BuilderWriter.NAME);
    return TypeSpec.classBuilder(pipeline)
        .addJavadoc(
            "Pipeline {@link $T}, compiled by Sluice: {@link #builder()} binds its inputs and"
                + "\noutputs and builds it.\n\n<p>Segments, in execution order: $L.\n",
            graph.pipelineClass(),
            plan.segments().stream()
                .map(segment -> "{@code " + segment.name() + "}")
                .collect(Collectors.joining(", ")))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(
            MethodSpec.methodBuilder("builder")
                .addJavadoc(builderJavadoc(graph))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addStatement("return new $T()", builder)
                .build())
        .addType(new BuilderWriter(plan, builder).write())
        .addType(new ProgramWriter(plan).write());
  }

  private static CodeBlock builderJavadoc(PipelineGraph graph) {
    CodeBlock.Builder doc =
        CodeBlock.builder()
            .add(
                "A new builder of pipeline {@code $L}, with a default batch interval of $L ms.\n\n",
                graph.name(),
                graph.batchIntervalMillis())
            .add("<ul>\n");
    for (Stage input : graph.inputs()) {
      doc.add(
          "  <li>input {@code $L}: {@code $L}\n", input.name(), TypeText.of(input.outputType()));
    }
    for (Stage output : graph.outputs()) {
      doc.add(
          "  <li>output {@code $L}: {@code $L}\n",
          output.name(),
          TypeText.of(output.inputType().box()));
    }
    return doc.add("</ul>\n").build();
  }
}
