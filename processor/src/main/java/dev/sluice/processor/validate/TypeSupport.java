package dev.sluice.processor.validate;

import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.TypeText;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The type questions validators ask about Sluice's api types, by qualified name. */
final class TypeSupport {

  static final String SOURCE = "dev.sluice.api.Source";
  static final String SINK = "dev.sluice.api.Sink";
  static final String EMITTER = "dev.sluice.api.Emitter";
  static final String KV = "dev.sluice.api.KV";
  static final String LIST = "java.util.List";
  static final String OPTIONAL = "java.util.Optional";
  static final String MAP = "java.util.Map";
  static final String COLLECTION = "java.util.Collection";
  static final String CODEC = "dev.sluice.api.Codec";

  private final Types types;
  private final Elements elements;

  TypeSupport(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** The type {@code qualifiedName<arguments>}, primitives boxed. */
  TypeMirror declared(String qualifiedName, TypeMirror... arguments) {
    TypeMirror[] boxed = new TypeMirror[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      boxed[i] = boxed(arguments[i]);
    }
    return types.getDeclaredType(elements.getTypeElement(qualifiedName), boxed);
  }

  /** The {@code long} type. */
  TypeMirror longType() {
    return types.getPrimitiveType(TypeKind.LONG);
  }

  /** {@code [K, V]} if {@code type} is a {@code KV} of concrete types, otherwise {@code null}. */
  static List<? extends TypeMirror> keyValue(TypeMirror type) {
    if (!is(type, KV)) {
      return null;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return arguments.size() == 2 && isConcrete(arguments.get(0)) && isConcrete(arguments.get(1))
        ? arguments
        : null;
  }

  /** The type as users write it, with simple names. */
  static String text(TypeMirror type) {
    return TypeText.of(TypeName.get(type));
  }

  /** Whether {@code type} is the class {@code qualifiedName} itself, with any arguments. */
  static boolean is(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  /**
   * The type arguments of {@code type} seen as {@code qualifiedName}: of the type itself, or of the
   * supertype it inherits ({@code BatchSource<String>} seen as {@code Source} gives {@code
   * [String]}). Empty if it is not one, or is raw.
   */
  Optional<List<? extends TypeMirror>> argumentsAs(TypeMirror type, String qualifiedName) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    if (is(type, qualifiedName)) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      return arguments.isEmpty() ? Optional.empty() : Optional.of(arguments);
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      Optional<List<? extends TypeMirror>> found = argumentsAs(supertype, qualifiedName);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The one record type argument of {@code type} seen as {@code qualifiedName}, if it names a type
   * (a class or an array, not a wildcard).
   */
  Optional<TypeMirror> recordTypeOf(TypeMirror type, String qualifiedName) {
    return argumentsAs(type, qualifiedName)
        .filter(arguments -> arguments.size() == 1 && isConcrete(arguments.get(0)))
        .map(arguments -> arguments.get(0));
  }

  /** Whether {@code type} names a class or an array type, not a wildcard or a variable. */
  static boolean isConcrete(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED || type.getKind() == TypeKind.ARRAY;
  }

  /** A primitive type boxed, any other type as it is. */
  TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive()
        ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType()
        : type;
  }

  /** The primitive a boxed type unboxes to, if it is one. */
  Optional<TypeMirror> unboxed(TypeMirror type) {
    try {
      return Optional.of(types.unboxedType(type));
    } catch (IllegalArgumentException notBoxed) {
      return Optional.empty();
    }
  }

  /** Whether a value of type {@code from} can be passed where {@code to} is declared. */
  boolean isAssignable(TypeMirror from, TypeMirror to) {
    return types.isAssignable(from, to);
  }

  /** Whether the two types are the same. */
  boolean isSame(TypeMirror a, TypeMirror b) {
    return types.isSameType(a, b);
  }

  /** The type of the value {@code accessor} returns for a {@code record} with its arguments. */
  TypeMirror returnedBy(DeclaredType record, ExecutableElement accessor) {
    return ((ExecutableType) types.asMemberOf(record, accessor)).getReturnType();
  }

  /** Whether {@code type} is (a subtype of) class {@code qualifiedName}, whatever its arguments. */
  boolean isKindOf(TypeMirror type, String qualifiedName) {
    return types.isAssignable(
        types.erasure(type), types.erasure(elements.getTypeElement(qualifiedName).asType()));
  }
}
