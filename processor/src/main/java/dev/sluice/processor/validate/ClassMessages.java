package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageKind;
import java.util.List;

/**
 * The messages about the pipeline class and its methods as a whole: annotations, visibility,
 * constructors, names, outputs, and the processor itself. Each starts with its {@link Tag}; tests
 * and {@code docs/compiler-errors.md} use the same methods.
 */
public final class ClassMessages {

  private ClassMessages() {}

  /** A method with several operator annotations. */
  public static String severalOperators(String method, List<StageKind> kinds) {
    return Tag.SEVERAL_OPERATORS.format(
        "method %s has several operator annotations (%s); a stage method has exactly one,"
            + " so split it into one method per operator",
        method, String.join(", ", kinds.stream().map(StageKind::annotation).toList()));
  }

  /** A stage method with type parameters. */
  public static String typeParameters(StageKind kind, String stage, String parameters) {
    return Tag.TYPE_PARAMETERS.format(
        "%s method %s declares type parameters %s; stage methods cannot be generic, so use"
            + " concrete types",
        kind.annotation(), stage, parameters);
  }

  /** A pipeline class with type parameters. */
  public static String genericPipeline(String pipelineClass, String parameters) {
    return Tag.TYPE_PARAMETERS.format(
        "pipeline class %s declares type parameters %s; a pipeline class cannot be generic,"
            + " so use concrete types",
        pipelineClass, parameters);
  }

  /** A private stage method. */
  public static String privateMethod(StageKind kind, String stage, String generated) {
    return Tag.PRIVATE_METHOD.format(
        "%s method %s is private, but the generated %s calls it; make it package-private or"
            + " public",
        kind.annotation(), stage, generated);
  }

  /** An abstract stage method that is not an {@code @Input}. */
  public static String abstractStage(StageKind kind, String stage) {
    return Tag.ABSTRACT_STAGE.format(
        "%s method %s is abstract, so there is no code for it to run; only an @Input may be"
            + " abstract (an input with no default source), so give %s a body",
        kind.annotation(), stage, stage);
  }

  /** A private pipeline class, or one nested in {@code privateClass}. */
  public static String inaccessibleClass(
      String pipelineClass, String privateClass, String generated) {
    String problem =
        pipelineClass.equals(privateClass)
            ? "is private"
            : "is nested in private class " + privateClass;
    return Tag.INACCESSIBLE_CLASS.format(
        "pipeline class %s %s, but the generated %s calls its methods from the same"
            + " package; make %s package-private or public",
        pipelineClass, problem, generated, privateClass);
  }

  /** Instance stage methods in a class without a usable no-argument constructor. */
  public static String noConstructor(String pipelineClass, List<String> methods, String generated) {
    return Tag.NO_INSTANCE.format(
        "%s has instance stage methods (%s) but no no-argument constructor the generated %s"
            + " can call; add a non-private %s() or make those methods static",
        pipelineClass, String.join(", ", methods), generated, simple(pipelineClass));
  }

  /** Instance stage methods in an abstract class or an interface. */
  public static String abstractPipeline(
      String pipelineClass, List<String> methods, String generated) {
    return Tag.NO_INSTANCE.format(
        "%s is abstract, so the generated %s cannot create the instance its instance stage"
            + " methods (%s) run on; make the class concrete or those methods static",
        pipelineClass, generated, String.join(", ", methods));
  }

  /**
   * Instance stage methods in an abstract class that declares inputs without a default source, so
   * that it cannot be made concrete.
   */
  public static String abstractPipelineWithInputs(
      String pipelineClass, List<String> methods, String generated, List<String> inputs) {
    return Tag.NO_INSTANCE.format(
        "%s is abstract, so the generated %s cannot create the instance its instance stage"
            + " methods (%s) run on; its abstract inputs (%s) keep it abstract, so make those"
            + " methods static",
        pipelineClass, generated, String.join(", ", methods), String.join(", ", inputs));
  }

  /** Instance stage methods in an inner (non-static nested) class. */
  public static String innerPipeline(String pipelineClass, List<String> methods, String generated) {
    return Tag.NO_INSTANCE.format(
        "%s is an inner class, so the generated %s cannot create the instance its instance"
            + " stage methods (%s) run on; make the class static or those methods static",
        pipelineClass, generated, String.join(", ", methods));
  }

  /** Two stage methods with one name. */
  public static String duplicateStage(
      StageKind kind, String signature, String stage, StageKind firstKind, String firstSignature) {
    return Tag.DUPLICATE_STAGE.format(
        "%s method %s declares stage %s again; %s method %s declared it first, and stage"
            + " names (the method names) must be unique, so rename one of them",
        kind.annotation(), signature, stage, firstKind.annotation(), firstSignature);
  }

  /** A pipeline without outputs; {@code example} is a stage an output could write. */
  public static String noOutput(String pipeline, String example) {
    return Tag.NO_OUTPUT.format(
        "pipeline %s has no @Output, so it would never compute anything; add a method such"
            + " as @Output(from = \"%s\") Sink<T> print() that writes the records of a stage",
        pipeline, example);
  }

  /** An invalid {@code @Pipeline(batchInterval)}. */
  public static String batchInterval(String interval, String pipeline) {
    return Tag.BATCH_INTERVAL.format(
        "@Pipeline(batchInterval = \"%s\") on %s is not a valid interval; write a positive"
            + " whole number followed by ms, s, m or h, such as \"2s\" or \"500ms\"",
        interval, pipeline);
  }

  /** An operator annotation outside a pipeline class. */
  public static String notInPipeline(String enclosing, List<String> methods) {
    return methods.size() == 1
        ? Tag.NOT_IN_PIPELINE.format(
            "%s is not annotated @Pipeline, but its method %s has an operator annotation; annotate"
                + " %s with @Pipeline, or move the method into a @Pipeline class",
            enclosing, methods.get(0), enclosing)
        : Tag.NOT_IN_PIPELINE.format(
            "%s is not annotated @Pipeline, but its methods %s have operator annotations;"
                + " annotate %s with @Pipeline, or move the methods into a @Pipeline class",
            enclosing, String.join(", ", methods), enclosing);
  }

  /** The warning for a stage that no output reads. */
  public static String deadStage(StageKind kind, String stage) {
    return Tag.DEAD_STAGE.format(
        "%s stage %s is not read by any @Output, so it is never computed (stages are lazy,"
            + " as in Spark); write it with an @Output or remove it",
        kind.annotation(), stage);
  }

  /** A class to generate already exists. */
  public static String generatedNameTaken(String generated, String pipeline) {
    return Tag.GENERATED_NAME_TAKEN.format(
        "cannot generate %s for pipeline %s: a type of that name already exists in this"
            + " compilation; rename it or the pipeline class",
        generated, pipeline);
  }

  /** The processor failed; {@code trace} is the stack trace. */
  public static String internalError(String pipeline, String trace) {
    return Tag.INTERNAL_ERROR.format(
        "Sluice's processor failed on %s; please report this with the stack trace: %s",
        pipeline, trace);
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
