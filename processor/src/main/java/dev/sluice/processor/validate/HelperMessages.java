package dev.sluice.processor.validate;

import dev.sluice.processor.model.Helper;
import java.util.List;

/**
 * The messages about the methods an annotation names besides the stage method: {@code inverse},
 * {@code filter}, {@code createCombiner} and {@code mergeValue}. Each starts with its {@link Tag};
 * tests and {@code docs/compiler-errors.md} use the same methods.
 */
public final class HelperMessages {

  private HelperMessages() {}

  /** The tag of the messages about {@code helper}. */
  private static Tag tag(Helper helper) {
    return switch (helper) {
      case INVERSE -> Tag.INVERSE_FUNCTION;
      case FILTER -> Tag.FILTER_FUNCTION;
      case CREATE_COMBINER, MERGE_VALUE -> Tag.COMBINE_FUNCTIONS;
    };
  }

  /** A combine function name that names no method. */
  public static String combineMissing(String stage, String member, String method, String form) {
    return Tag.COMBINE_FUNCTIONS.format(
        "@CombineByKey(%s = \"%s\") on %s names no method of the pipeline class; add %s or"
            + " name an existing method",
        member, method, stage, form);
  }

  /** Combine functions whose types do not line up; {@code forms} are the right signatures. */
  public static String combineMismatch(
      String stage, String actual, String kv, String path, String forms) {
    return Tag.COMBINE_FUNCTIONS.format(
        "the functions of @CombineByKey method %s do not line up over %s: %s (%s); declare"
            + " them as %s, with one combiner type C",
        stage, kv, actual, path, forms);
  }

  /** An {@code inverse} or {@code filter} naming no method. */
  public static String windowFunctionMissing(
      String annotation, String member, String method, String stage, String form) {
    return String.format(
        "%s %s(%s = \"%s\") on %s names no method of the pipeline class; add %s or name an"
            + " existing method",
        member.equals("inverse") ? Tag.INVERSE_FUNCTION : Tag.FILTER_FUNCTION,
        annotation,
        member,
        method,
        stage,
        form);
  }

  /** An inverse whose type is not the reduce function's. */
  public static String inverseMismatch(String stage, String actual, String function, String form) {
    return Tag.INVERSE_FUNCTION.format(
        "inverse function %s of %s does not undo %s values; declare it as %s",
        actual, stage, function, form);
  }

  /** A filter whose signature does not fit the window. */
  public static String filterMismatch(String stage, String actual, String form) {
    return Tag.FILTER_FUNCTION.format(
        "filter function %s of %s does not fit its window; declare it as %s", actual, stage, form);
  }

  /**
   * A helper named by several methods of which none fits, or several ({@code several}); {@code
   * considered} are those, as {@code int minus(int, int)}.
   */
  public static String helperOverloads(
      String annotation,
      Helper helper,
      String method,
      String stage,
      String form,
      List<String> considered,
      boolean several) {
    return several
        ? tag(helper)
            .format(
                "%s(%s = \"%s\") on %s names %s methods that fit: %s; keep only one of them, or name"
                    + " the one you mean differently",
                annotation,
                helper.member(),
                method,
                stage,
                considered.size(),
                String.join(", ", considered))
        : tag(helper)
            .format(
                "%s(%s = \"%s\") on %s names %s methods, none of which fits: %s; declare %s",
                annotation,
                helper.member(),
                method,
                stage,
                considered.size(),
                String.join(", ", considered),
                form);
  }

  /** A helper method that is private, so generated code cannot call it. */
  public static String privateHelper(
      String annotation,
      Helper helper,
      String method,
      String stage,
      String signature,
      String generated) {
    return Tag.PRIVATE_METHOD.format(
        "%s(%s = \"%s\") on %s names %s, which is private, but the generated %s calls it;"
            + " make it package-private or public",
        annotation, helper.member(), method, stage, signature, generated);
  }

  /** A filter without an inverse. */
  public static String filterWithoutInverse(String stage, String filter) {
    return Tag.FILTER_FUNCTION.format(
        "@ReduceByKeyAndWindow(filter = \"%s\") on %s has no inverse; a filter applies only"
            + " to an incremental window, so name an inverse function too",
        filter, stage);
  }

  /** The inverse a windowed reduce over {@code type} needs: {@code long minus(long a, long b)}. */
  public static String inverseForm(String method, String type) {
    return String.format("%2$s %1$s(%2$s a, %2$s b)", method, type);
  }

  /** The filter a windowed reduce by key needs: {@code boolean kept(String key, long value)}. */
  public static String filterForm(String method, String key, String value) {
    return String.format("boolean %s(%s key, %s value)", method, key, value);
  }

  /** The {@code createCombiner} a combine over {@code value}s needs: {@code C mk(Long value)}. */
  public static String createCombinerForm(String method, String value) {
    return String.format("C %s(%s value)", method, value);
  }

  /** The {@code mergeValue} a combine over {@code value}s needs. */
  public static String mergeValueForm(String method, String value) {
    return String.format("C %s(C combiner, %s value)", method, value);
  }

  /** The three functions of a combine, for its mismatch message. */
  public static String combineForms(String createForm, String mergeForm, String stage) {
    return String.format("%s, %s and C %s(C a, C b)", createForm, mergeForm, stage);
  }

  /** The stage method a combine's helper is shown with: {@code with long op(long, long)}. */
  public static String withCombine(String combiner, String stage) {
    return String.format(" with %1$s %2$s(%1$s, %1$s)", combiner, stage);
  }
}
