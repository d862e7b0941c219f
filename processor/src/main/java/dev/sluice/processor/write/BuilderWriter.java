package dev.sluice.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sluice.processor.model.PipelineGraph;
import dev.sluice.processor.model.Stage;
import dev.sluice.processor.model.Throws;
import dev.sluice.processor.model.TypeText;
import dev.sluice.processor.plan.ExecutionPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code Builder} nested class: a {@code PipelineBuilder} with one typed binding method
 * per input and output, which creates the program with the bound sources and sinks, or the defaults
 * the pipeline class's methods return. The pipeline class is instantiated only when some method
 * called needs the instance. An abstract {@code @Input} has no default: its port says so, and
 * {@code build()} refuses to run without a source bound to it.
 */
final class BuilderWriter {

  /** The simple name of the nested class. */
  static final String NAME = "Builder";

  private final ExecutionPlan plan;
  private final PipelineGraph graph;
  private final ClassName builder;
  private final UserCalls calls;

  BuilderWriter(ExecutionPlan plan, ClassName builder) {
    this.plan = plan;
    this.graph = plan.graph();
    this.builder = builder;
    this.calls = new UserCalls(graph.pipelineClass(), "pipeline");
  }

  TypeSpec write() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(NAME)
            .addJavadoc(
                "Binds the inputs and outputs of pipeline {@code $L}, then builds it.\n",
                graph.name())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(RuntimeTypes.PIPELINE_BUILDER, builder))
            .addMethod(constructor());
    for (Stage input : graph.inputs()) {
      type.addMethod(binding(input, "source", ProgramWriter.sourceType(input), "bindInput"));
    }
    for (Stage output : graph.outputs()) {
      type.addMethod(binding(output, "sink", ProgramWriter.sinkType(output), "bindOutput"));
    }
    return type.addMethod(createProgram()).build();
  }

  private MethodSpec constructor() {
    List<CodeBlock> inputs = graph.inputs().stream().map(BuilderWriter::port).toList();
    List<CodeBlock> outputs = graph.outputs().stream().map(BuilderWriter::port).toList();
    long millis = graph.batchIntervalMillis();
    return MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addCode(
            CodeBlock.builder()
                .add("super(\n$>$>$S,\n", graph.name())
                .add(
                    "$T.ofMillis($L),\n",
                    RuntimeTypes.DURATION,
                    millis > Integer.MAX_VALUE ? millis + "L" : Long.toString(millis))
                .add(Lists.of(inputs))
                .add(",\n")
                .add(Lists.of(outputs))
                .add(");\n$<$<")
                .build())
        .build();
  }

  /**
   * The port of an input or output: its name, record type as written, whether it is text, and
   * {@code false} after those for an input without a default source.
   */
  private static CodeBlock port(Stage stage) {
    TypeName type = (stage.outputType() != null ? stage.outputType() : stage.inputType()).box();
    return CodeBlock.of(
        "new $T($S,$W$S,$W$L$L)",
        RuntimeTypes.PORT,
        stage.name(),
        TypeText.of(type),
        type.equals(RuntimeTypes.STRING),
        stage.method().isAbstract() ? CodeBlock.of(",$Wfalse") : CodeBlock.of(""));
  }

  private MethodSpec binding(Stage stage, String parameter, TypeName type, String bind) {
    String kind = bind.equals("bindInput") ? "input" : "output";
    CodeBlock javadoc =
        stage.method().isAbstract()
            ? CodeBlock.of(
                "Binds $L {@code $L}, which has no default source: {@code build()} needs one.\n",
                kind,
                stage.name())
            : CodeBlock.of(
                "Binds $L {@code $L}, replacing the default from {@code $L}.\n",
                kind,
                stage.name(),
                calls.describe(stage.method()));
    return MethodSpec.methodBuilder(stage.name())
        .addJavadoc(javadoc)
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(type, parameter)
        .addStatement("return $N($S, $N)", bind, stage.name(), parameter)
        .build();
  }

  /**
   * Creates the program: reads each binding, fills in defaults from the pipeline class, and passes
   * everything in the order of {@code Program}'s constructor.
   */
  private MethodSpec createProgram() {
    NameAllocator locals = new NameAllocator();
    String parallelism = locals.newName("parallelism", "parallelism");
    String instance = locals.newName("pipeline", "pipeline");
    String exception = locals.newName("e", "exception");
    List<Stage> ports = new ArrayList<>(graph.inputs());
    ports.addAll(graph.outputs());
    CodeBlock.Builder code = CodeBlock.builder();
    for (Stage port : ports) {
      String name = locals.newName(port.name(), port);
      boolean input = port.outputType() != null;
      code.addStatement(
          "$T $N = $N($S)",
          input ? ProgramWriter.sourceType(port) : ProgramWriter.sinkType(port),
          name,
          input ? "boundInput" : "boundOutput",
          port.name());
    }
    // an abstract input has no default to fill in: build() checked that it is bound
    List<Stage> defaults = ports.stream().filter(port -> !port.method().isAbstract()).toList();
    List<Stage> instanceDefaults =
        defaults.stream().filter(port -> !port.method().isStatic()).toList();
    UserCalls calls = new UserCalls(graph.pipelineClass(), instance);
    if (plan.operatorsNeedInstance()) {
      code.addStatement("$T $N = new $T()", graph.pipelineClass(), instance, graph.pipelineClass());
    } else if (!instanceDefaults.isEmpty()) {
      code.add("// Only the defaults need an instance of $L.\n", graph.name());
      code.addStatement(
          "$T $N = $L ? new $T() : null",
          graph.pipelineClass(),
          instance,
          CodeBlock.join(
              instanceDefaults.stream()
                  .map(port -> CodeBlock.of("$N == null", locals.get(port)))
                  .toList(),
              "$W|| "),
          graph.pipelineClass());
    }
    for (Stage port : defaults) {
      String name = locals.get(port);
      code.beginControlFlow("if ($N == null)", name);
      CodeBlock assign =
          CodeBlock.builder()
              .addStatement("$N = $L", name, calls.call(port.method(), CodeBlock.of("")))
              .build();
      if (port.method().throwsKind() == Throws.UNCHECKED) {
        code.add(assign);
      } else {
        code.beginControlFlow("try")
            .add(assign)
            .nextControlFlow(
                "catch ($T $N)",
                port.method().throwsKind() == Throws.EXCEPTION ? Exception.class : Throwable.class,
                exception)
            .addStatement(
                "throw new $T($S, $N)",
                IllegalStateException.class,
                "pipeline "
                    + graph.name()
                    + ": the default of "
                    + port.name()
                    + ", "
                    + calls.describe(port.method())
                    + ", failed",
                exception)
            .endControlFlow();
      }
      code.endControlFlow();
    }
    List<String> arguments = new ArrayList<>();
    if (plan.operatorsNeedInstance()) {
      arguments.add(instance);
    }
    ports.forEach(port -> arguments.add(locals.get(port)));
    arguments.add(parallelism);
    if (!plan.windowed().isEmpty()) {
      String interval = locals.newName("interval", "interval");
      code.addStatement("long $N = batchInterval().toMillis()", interval);
      for (Stage windowed : plan.windowed()) {
        String spec = locals.newName(windowed.name() + "Spec", "spec:" + windowed.name());
        long slide = windowed.windowing().slideMillis();
        code.addStatement(
            "$T $N = $T.of($S,$W$S,$W$LL,$W$L,$W$N)",
            RuntimeTypes.WINDOW_SPEC,
            spec,
            RuntimeTypes.WINDOW_SPEC,
            graph.name(),
            windowed.name(),
            windowed.windowing().windowMillis(),
            slide == 0 ? CodeBlock.of("$N", interval) : CodeBlock.of("$LL", slide),
            interval);
        arguments.add(spec);
      }
    }
    code.addStatement(
        "return new $N($L)",
        ProgramWriter.NAME,
        CodeBlock.join(
            arguments.stream().map(argument -> CodeBlock.of("$N", argument)).toList(), ",$W"));
    return MethodSpec.methodBuilder("createProgram")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(RuntimeTypes.PIPELINE_PROGRAM)
        .addParameter(int.class, parallelism)
        .addCode(code.build())
        .build();
  }
}
