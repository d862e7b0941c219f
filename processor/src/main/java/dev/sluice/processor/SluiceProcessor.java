package dev.sluice.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.sluice.processor.model.DeclarationReader;
import dev.sluice.processor.model.GraphBuilder;
import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.PipelineGraph;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.plan.Planner;
import dev.sluice.processor.validate.ClassMessages;
import dev.sluice.processor.validate.PipelineValidator;
import dev.sluice.processor.validate.Validation;
import dev.sluice.processor.write.GeneratedSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Sluice's annotation processor: for each {@code @Pipeline} class, reads it, validates it, and,
 * only if it is free of errors, plans and writes {@code <Pipeline>Pipeline} and {@code
 * <Pipeline>Main}.
 *
 * <p>A class whose stage signatures mention types not generated yet is retried in the next round;
 * in the last round it is left to javac, which reports the missing types itself. Nothing thrown
 * escapes to javac, not even an {@code Error}: a failure is reported as one {@code
 * [Sluice/InternalError]} on the pipeline class. The processor never claims its annotations.
 */
@AutoService(Processor.class)
public final class SluiceProcessor extends AbstractProcessor {

  /** Pipeline classes waiting for types that later rounds may generate, by qualified name. */
  private final Set<String> deferred = new LinkedHashSet<>();

  /** Runs before each pipeline class is processed: nothing, except in tests that make it fail. */
  private final Consumer<TypeElement> probe;

  /** The processor, as javac's service loader creates it. */
  public SluiceProcessor() {
    this(type -> {});
  }

  /**
   * A processor that calls {@code probe} before processing each pipeline class, so that tests can
   * make the processor fail and check how the failure is reported.
   */
  SluiceProcessor(Consumer<TypeElement> probe) {
    this.probe = probe;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>();
    types.add(DeclarationReader.PIPELINE_ANNOTATION);
    types.add(DeclarationReader.STATE_CODEC_ANNOTATION);
    for (StageKind kind : StageKind.values()) {
      if (kind.isAnnotation()) {
        types.add(kind.annotationType());
      }
    }
    return types;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement pipelineAnnotation =
        processingEnv.getElementUtils().getTypeElement(DeclarationReader.PIPELINE_ANNOTATION);
    if (pipelineAnnotation == null) {
      return false;
    }
    List<TypeElement> pipelines = new ArrayList<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        pipelines.add(type);
      }
    }
    deferred.clear();
    pipelines.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(pipelineAnnotation)));
    for (TypeElement pipeline : pipelines) {
      try {
        probe.accept(pipeline);
        process(pipeline, round.processingOver());
      } catch (Throwable failure) {
        // Whatever a bug throws, an Error included, becomes one error on the pipeline, never a
        // crash of javac that hides which class it was compiling.
        reportInternalError(pipeline, failure);
      }
    }
    reportStrayOperators(round);
    return false;
  }

  private void reportInternalError(TypeElement pipeline, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    processingEnv
        .getMessager()
        .printMessage(
            Diagnostic.Kind.ERROR,
            ClassMessages.internalError(pipeline.getSimpleName().toString(), trace.toString()),
            pipeline);
  }

  private void process(TypeElement type, boolean lastRound) throws IOException {
    PipelineDeclaration declaration =
        new DeclarationReader(processingEnv.getElementUtils()).read(type);
    if (!DeclarationReader.isComplete(declaration)) {
      if (!lastRound) {
        deferred.add(type.getQualifiedName().toString());
      }
      return;
    }
    Validation validation =
        new PipelineValidator(processingEnv.getTypeUtils(), processingEnv.getElementUtils())
            .validate(declaration);
    validation.report().printTo(processingEnv.getMessager());
    if (!validation.report().isClean()) {
      return;
    }
    PipelineGraph graph =
        new GraphBuilder(processingEnv.getTypeUtils(), processingEnv.getElementUtils())
            .build(
                declaration,
                validation.types(),
                validation.helpers(),
                validation.batchIntervalMillis(),
                validation.codecs());
    String generator =
        processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated")
                == null
            ? null
            : SluiceProcessor.class.getName();
    for (JavaFile file : new GeneratedSources(generator).write(Planner.plan(graph), type)) {
      try {
        String name =
            file.packageName().isEmpty()
                ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        JavaFileObject source =
            processingEnv
                .getFiler()
                .createSourceFile(
                    name, file.typeSpec().originatingElements().toArray(new Element[0]));
        try (Writer writer = source.openWriter()) {
          writer.write(GeneratedSources.text(file));
        }
      } catch (FilerException taken) {
        processingEnv
            .getMessager()
            .printMessage(
                Diagnostic.Kind.ERROR,
                ClassMessages.generatedNameTaken(
                    file.packageName().isEmpty()
                        ? file.typeSpec().name()
                        : file.packageName() + "." + file.typeSpec().name(),
                    declaration.name()),
                type);
        return;
      }
    }
  }

  /**
   * Reports operator annotations on methods of classes that are not pipelines: one error per such
   * class, naming its annotated methods, since the one fix is on the class.
   */
  private void reportStrayOperators(RoundEnvironment round) {
    Map<TypeElement, List<ExecutableElement>> strays = new LinkedHashMap<>();
    for (StageKind kind : StageKind.values()) {
      if (!kind.isAnnotation()) {
        continue;
      }
      TypeElement annotation =
          processingEnv.getElementUtils().getTypeElement(kind.annotationType());
      if (annotation == null) {
        continue;
      }
      for (ExecutableElement method :
          ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation))) {
        Element enclosing = method.getEnclosingElement();
        boolean inPipeline =
            enclosing.getAnnotationMirrors().stream()
                .anyMatch(
                    mirror ->
                        mirror
                            .getAnnotationType()
                            .toString()
                            .equals(DeclarationReader.PIPELINE_ANNOTATION));
        if (!inPipeline && enclosing instanceof TypeElement type) {
          List<ExecutableElement> methods =
              strays.computeIfAbsent(type, ignored -> new ArrayList<>());
          if (!methods.contains(method)) {
            methods.add(method);
          }
        }
      }
    }
    strays.forEach(
        (type, methods) -> {
          List<String> named = new ArrayList<>();
          for (Element enclosed : type.getEnclosedElements()) {
            if (methods.contains(enclosed)) {
              named.add(
                  enclosed.getSimpleName()
                      + " ("
                      + DeclarationReader.operators(enclosed).get(0).kind().annotation()
                      + ")");
            }
          }
          processingEnv
              .getMessager()
              .printMessage(
                  Diagnostic.Kind.ERROR,
                  ClassMessages.notInPipeline(type.getSimpleName().toString(), named),
                  type);
        });
  }
}
