package dev.sluice.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.stream.Collectors;

/**
 * Renders a type the way users write it in a pipeline class, with simple names: {@code KV<String,
 * Long>} rather than {@code dev.sluice.api.KV<java.lang.String, java.lang.Long>}. Used in messages,
 * comments and the port descriptions tools show.
 */
public final class TypeText {

  private TypeText() {}

  /** The type with simple class names; nested classes keep their enclosing names. */
  public static String of(TypeName type) {
    if (type instanceof ClassName name) {
      return String.join(".", name.simpleNames());
    }
    if (type instanceof ParameterizedTypeName parameterized) {
      return parameterized.typeArguments().stream()
          .map(TypeText::of)
          .collect(Collectors.joining(", ", of(parameterized.rawType()) + "<", ">"));
    }
    if (type instanceof ArrayTypeName array) {
      return of(array.componentType()) + "[]";
    }
    if (type instanceof WildcardTypeName wildcard) {
      if (!wildcard.lowerBounds().isEmpty()) {
        return "? super " + of(wildcard.lowerBounds().get(0));
      }
      TypeName upper = wildcard.upperBounds().get(0);
      return upper.equals(ClassName.OBJECT) ? "?" : "? extends " + of(upper);
    }
    if (type instanceof TypeVariableName variable) {
      return variable.name();
    }
    return type.toString();
  }
}
