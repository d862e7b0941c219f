package dev.sluice.processor.validate;

import com.palantir.javapoet.ClassName;
import dev.sluice.processor.model.GeneratedNames;
import dev.sluice.processor.model.Helper;
import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Finds, once per stage, the helper methods its annotation names ({@code inverse}, {@code filter},
 * {@code createCombiner}, {@code mergeValue}) among the methods of the pipeline class: of the
 * overloads of that name, the one that fits the stage's types. Reports a missing name, a private
 * method, and overloads none or several of which fit, listing those it considered; keeps what it
 * found for the later phases, which never look a helper up again.
 */
final class HelperResolver {

  /** What a stage needs of one helper, for the resolution and its messages. */
  record Need(
      String form,
      Predicate<ExecutableElement> fits,
      String missing,
      Function<ExecutableElement, String> mismatch) {}

  private final PipelineDeclaration pipeline;
  private final Map<String, Map<Helper, ExecutableElement>> resolved = new LinkedHashMap<>();

  HelperResolver(PipelineDeclaration pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * The {@code helper} method of {@code stage} that fits {@code need}, or empty after reporting why
   * there is none.
   */
  Optional<ExecutableElement> resolve(
      StageDeclaration stage, Helper helper, Need need, ValidationReport report) {
    String name = stage.helperName(helper);
    List<ExecutableElement> candidates = methodsNamed(name);
    if (candidates.isEmpty()) {
      report.error(need.missing(), stage.method(), stage.annotation(), stage.helperValue(helper));
      return Optional.empty();
    }
    List<ExecutableElement> fitting = candidates.stream().filter(need.fits()).toList();
    if (fitting.isEmpty() && candidates.size() == 1) {
      report.error(need.mismatch().apply(candidates.get(0)), candidates.get(0));
      return Optional.empty();
    }
    if (fitting.size() != 1) {
      report.error(
          HelperMessages.helperOverloads(
              stage.kind().annotation(),
              helper,
              name,
              stage.name(),
              need.form(),
              (fitting.isEmpty() ? candidates : fitting)
                  .stream().map(HelperResolver::describe).toList(),
              !fitting.isEmpty()),
          stage.method(),
          stage.annotation(),
          stage.helperValue(helper));
      return Optional.empty();
    }
    ExecutableElement method = fitting.get(0);
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      report.error(
          HelperMessages.privateHelper(
              stage.kind().annotation(),
              helper,
              name,
              stage.name(),
              describe(method),
              GeneratedNames.pipeline(ClassName.get(pipeline.type())).simpleName()),
          method);
      return Optional.empty();
    }
    resolved
        .computeIfAbsent(stage.name(), ignored -> new EnumMap<>(Helper.class))
        .put(helper, method);
    return Optional.of(method);
  }

  /** The helpers found, by stage name. */
  Map<String, Map<Helper, ExecutableElement>> resolved() {
    return resolved;
  }

  /** The method as messages show it: {@code long minus(long, long)}. */
  static String describe(ExecutableElement method) {
    return TypeSupport.text(method.getReturnType())
        + " "
        + method.getSimpleName()
        + method.getParameters().stream()
            .map(parameter -> TypeSupport.text(parameter.asType()))
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private List<ExecutableElement> methodsNamed(String name) {
    return pipeline.type().getEnclosedElements().stream()
        .filter(enclosed -> enclosed.getKind() == ElementKind.METHOD)
        .filter(enclosed -> enclosed.getSimpleName().contentEquals(name))
        .map(ExecutableElement.class::cast)
        .toList();
  }
}
