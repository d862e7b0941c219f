package dev.sluice.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.Encoding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Finds the {@link Encoding} of a type a stateful stage keeps: a {@code @StateCodec} method's codec
 * where one is declared for the type, otherwise the built-in codec of a primitive, its box or
 * {@code String}, an enum's by name, a record's component by component, and {@code List}, {@code
 * Optional} and {@code Map} of those. Nested positions that may hold {@code null} (components,
 * elements, map keys and values) are {@linkplain Encoding.Nullable nullable}.
 */
final class CodecResolver {

  /**
   * A type that cannot be encoded.
   *
   * @param type the type itself
   * @param where where it sits in the type asked about, such as {@code field 'tags' of record
   *     Session}; empty when it is that type
   * @param alternative the fix besides a {@code @StateCodec} method, such as {@code use a List}
   * @param inaccessible whether it is an enum or record that is private (or nested in a private
   *     class), which no generated code can name, so that only making it accessible helps
   */
  record Unencodable(TypeMirror type, String where, String alternative, boolean inaccessible) {}

  /** Thrown inside the resolution to leave it at the first type that cannot be encoded. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Unencodable unencodable;

    Failure(Unencodable unencodable) {
      super(null, null, false, false);
      this.unencodable = unencodable;
    }
  }

  private final TypeSupport types;
  private final List<UserCodec> userCodecs;

  /**
   * A resolver using {@code userCodecs}, the valid {@code @StateCodec} methods of the pipeline.
   *
   * @param types the compiler's types
   * @param userCodecs the codecs the pipeline class declares
   */
  CodecResolver(TypeSupport types, List<UserCodec> userCodecs) {
    this.types = types;
    this.userCodecs = List.copyOf(userCodecs);
  }

  /**
   * A {@code @StateCodec} method.
   *
   * @param type the type its codec encodes
   * @param method its name
   */
  record UserCodec(TypeMirror type, String method) {}

  /** The encoding of {@code type}, or what stops it. */
  Result resolve(TypeMirror type) {
    try {
      return new Result(Optional.of(encoding(type, "", new HashSet<>())), Optional.empty());
    } catch (Failure failure) {
      return new Result(Optional.empty(), Optional.of(failure.unencodable));
    }
  }

  /**
   * The outcome of {@link #resolve}: one of the two is present.
   *
   * @param encoding the encoding of the type
   * @param unencodable what in the type cannot be encoded
   */
  record Result(Optional<Encoding> encoding, Optional<Unencodable> unencodable) {}

  private Encoding encoding(TypeMirror type, String where, Set<TypeName> records) {
    TypeMirror boxed = types.boxed(type);
    for (UserCodec codec : userCodecs) {
      if (types.isSame(codec.type(), boxed)) {
        return new Encoding.User(TypeName.get(boxed), codec.method());
      }
    }
    Optional<Encoding> builtin =
        type.getKind().isPrimitive() || type.getKind() == TypeKind.DECLARED
            ? Encoding.builtin(TypeName.get(type))
            : Optional.empty();
    if (builtin.isPresent()) {
      return builtin.get();
    }
    if (type.getKind() != TypeKind.DECLARED) {
      throw fail(type, where);
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    if (!element.getTypeParameters().isEmpty()
        && (arguments.isEmpty() || !arguments.stream().allMatch(TypeSupport::isConcrete))) {
      throw fail(type, where);
    }
    String text = TypeSupport.text(type);
    TypeName name = TypeName.get(type);
    if (TypeSupport.is(type, TypeSupport.LIST)) {
      return new Encoding.ListOf(
          name, nullable(arguments.get(0), nested("an element of " + text, where), records));
    }
    if (TypeSupport.is(type, TypeSupport.OPTIONAL)) {
      return new Encoding.OptionalOf(
          name, encoding(arguments.get(0), nested("the value of " + text, where), records));
    }
    if (TypeSupport.is(type, TypeSupport.MAP)) {
      return new Encoding.MapOf(
          name,
          nullable(arguments.get(0), nested("a key of " + text, where), records),
          nullable(arguments.get(1), nested("a value of " + text, where), records));
    }
    if (element.getKind() != ElementKind.ENUM && element.getKind() != ElementKind.RECORD) {
      throw fail(type, where);
    }
    if (isPrivate(element)) {
      throw new Failure(new Unencodable(type, where, "make it package-private", true));
    }
    if (element.getKind() == ElementKind.ENUM) {
      return new Encoding.Enumeration(ClassName.get(element));
    }
    if (!records.add(name)) {
      return new Encoding.RecordRef(name);
    }
    List<Encoding.Component> components = new ArrayList<>();
    for (RecordComponentElement component : element.getRecordComponents()) {
      String field = component.getSimpleName().toString();
      TypeMirror componentType = types.returnedBy(declared, component.getAccessor());
      String at = nested("field '" + field + "' of record " + element.getSimpleName(), where);
      Encoding encoding =
          componentType.getKind().isPrimitive()
              ? encoding(componentType, at, records)
              : nullable(componentType, at, records);
      components.add(new Encoding.Component(field, TypeName.get(componentType), encoding));
    }
    records.remove(name);
    return new Encoding.RecordOf(name, components);
  }

  private Encoding nullable(TypeMirror type, String where, Set<TypeName> records) {
    return new Encoding.Nullable(encoding(type, where, records));
  }

  /** {@code inner} within {@code outer}: {@code an element of List<X> in field 'xs' of ...}. */
  private static String nested(String inner, String outer) {
    return outer.isEmpty() ? inner : inner + " in " + outer;
  }

  private Failure fail(TypeMirror type, String where) {
    String alternative;
    if (type.getKind() == TypeKind.ARRAY || types.isKindOf(type, TypeSupport.COLLECTION)) {
      alternative = "use a List";
    } else if (types.isKindOf(type, TypeSupport.MAP)) {
      alternative = "declare it as a Map";
    } else if (type.getKind() == TypeKind.DECLARED) {
      alternative =
          ((DeclaredType) type).asElement().getKind() == ElementKind.RECORD
              ? "give the record concrete type arguments"
              : "make it a record or an enum";
    } else {
      alternative = "use a concrete type";
    }
    return new Failure(new Unencodable(type, where, alternative, false));
  }

  /** Whether {@code type}, or a class it is nested in, is private. */
  private static boolean isPrivate(TypeElement type) {
    for (Element at = type; at instanceof TypeElement; at = at.getEnclosingElement()) {
      if (at.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }
}
