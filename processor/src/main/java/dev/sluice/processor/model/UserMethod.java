package dev.sluice.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A method of the pipeline class that generated code calls.
 *
 * @param name the method name, which is also the stage name
 * @param isStatic whether it is static; instance methods run on the one pipeline instance
 * @param parameters the declared parameter types
 * @param returnType the declared return type ({@code void} included)
 * @param throwsKind what the method declares it throws
 * @param isAbstract whether it has no body: an {@code @Input} without a default source, which
 *     generated code never calls
 */
public record UserMethod(
    String name,
    boolean isStatic,
    List<TypeName> parameters,
    TypeName returnType,
    Throws throwsKind,
    boolean isAbstract) {

  /** Validates and copies the parameter list. */
  public UserMethod {
    Objects.requireNonNull(name, "name");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(returnType, "returnType");
    Objects.requireNonNull(throwsKind, "throwsKind");
  }

  /** The method as comments and messages show it: {@code pairs(String)}. */
  public String signature() {
    return parameters.stream().map(TypeText::of).collect(Collectors.joining(", ", name + "(", ")"));
  }
}
