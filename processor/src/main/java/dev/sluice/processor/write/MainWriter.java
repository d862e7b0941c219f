package dev.sluice.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.sluice.processor.model.PipelineGraph;
import javax.lang.model.element.Modifier;

/** Writes {@code <Pipeline>Main}: the pipeline's command line, run by {@code PipelineMain}. */
final class MainWriter {

  private MainWriter() {}

  static TypeSpec.Builder write(PipelineGraph graph, ClassName main, ClassName pipeline) {
    return TypeSpec.classBuilder(main)
        .addJavadoc(
            "The command line of pipeline {@link $T}: binds its inputs and outputs by URI from the"
                + "\narguments and runs it until stopped. Run it with {@code --help} for the"
                + " flags.\n",
            graph.pipelineClass())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(
            MethodSpec.methodBuilder("main")
                .addJavadoc(
                    "Runs pipeline {@code $L}; {@code --help} lists the flags.\n", graph.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(ArrayTypeName.of(RuntimeTypes.STRING), "args")
                .addStatement("$T.run(args, $T::builder)", RuntimeTypes.PIPELINE_MAIN, pipeline)
                .build());
  }
}
