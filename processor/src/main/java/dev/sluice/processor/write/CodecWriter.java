package dev.sluice.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sluice.processor.model.Encoding;
import dev.sluice.processor.model.TypeText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the codecs of a program's stores as {@code private static final} fields, made once per
 * class load so that a snapshot allocates no codec: a field per record (an instance of a nested
 * class writing each component with its codec and reading them back through the canonical
 * constructor), per enum, per {@code @StateCodec} method and per {@code List}, {@code Optional},
 * {@code Map} or nullable position. The built-in codecs of {@code Codecs} are used in place, as
 * they are singletons.
 *
 * <p>A record's field comes before the fields its components use (its methods read them only when
 * called, after the class is initialized), and every other field after the fields it is made of, so
 * that no initializer reads a field not yet set, even for a record that contains itself.
 */
final class CodecWriter {

  private static final ClassName DATA_OUTPUT = ClassName.get("java.io", "DataOutput");
  private static final ClassName DATA_INPUT = ClassName.get("java.io", "DataInput");
  private static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");

  private final ClassName pipelineClass;
  private final NameAllocator names = new NameAllocator();
  private final NameAllocator types = new NameAllocator();
  private final List<TypeSpec> classes = new ArrayList<>();

  /** The field of each encoding written so far, by its {@linkplain #key key}. */
  private final Map<Encoding, String> written = new HashMap<>();

  /** The fields in declaration order; a record's is set once its components are written. */
  private final List<FieldSpec> fields = new ArrayList<>();

  /**
   * A writer whose {@code @StateCodec} methods are static methods of {@code pipelineClass}, and
   * whose classes do not take the names {@code taken}.
   */
  CodecWriter(ClassName pipelineClass, List<String> taken) {
    this.pipelineClass = pipelineClass;
    taken.forEach(name -> types.newName(name, "taken:" + name));
  }

  /** The fields written for the expressions asked so far. */
  List<FieldSpec> fields() {
    return List.copyOf(fields);
  }

  /** The codec classes of the records among the expressions asked so far. */
  List<TypeSpec> classes() {
    return List.copyOf(classes);
  }

  /** {@code Codec<T>}. */
  static TypeName codecOf(TypeName type) {
    return ParameterizedTypeName.get(RuntimeTypes.CODEC, type.box());
  }

  /** The expression of the codec of {@code encoding}, writing the fields it needs. */
  CodeBlock expression(Encoding encoding) {
    if (encoding instanceof Encoding.Builtin builtin) {
      return CodeBlock.of("$T.$N()", RuntimeTypes.CODECS, builtin.codec());
    }
    if (encoding instanceof Encoding.AlwaysNull) {
      return CodeBlock.of("$T.alwaysNull()", RuntimeTypes.CODECS);
    }
    if (encoding instanceof Encoding.RecordRef) {
      return CodeBlock.of("$N", written.get(encoding));
    }
    if (encoding instanceof Encoding.RecordOf record) {
      return CodeBlock.of("$N", record(record));
    }
    if (encoding instanceof Encoding.Nullable nullable) {
      return field(encoding, "NULLABLE_", "nullable", nullable.value());
    }
    if (encoding instanceof Encoding.ListOf list) {
      return field(encoding, "", "list", list.element());
    }
    if (encoding instanceof Encoding.OptionalOf optional) {
      return field(encoding, "", "optional", optional.value());
    }
    if (encoding instanceof Encoding.MapOf map) {
      return field(encoding, "", "map", map.key(), map.value());
    }
    if (encoding instanceof Encoding.Enumeration enumeration) {
      return field(
          encoding, CodeBlock.of("$T.enums($T.class)", RuntimeTypes.CODECS, enumeration.type()));
    }
    Encoding.User user = (Encoding.User) encoding;
    return field(encoding, CodeBlock.of("$T.$N()", pipelineClass, user.method()));
  }

  /** The field holding {@code Codecs.method(parts...)}, written after the fields of the parts. */
  private CodeBlock field(Encoding encoding, String prefix, String method, Encoding... parts) {
    if (written.containsKey(key(encoding))) {
      return CodeBlock.of("$N", written.get(key(encoding)));
    }
    List<CodeBlock> arguments = new ArrayList<>();
    for (Encoding part : parts) {
      arguments.add(expression(part));
    }
    return field(
        encoding,
        prefix,
        CodeBlock.of("$T.$N($L)", RuntimeTypes.CODECS, method, CodeBlock.join(arguments, ",$W")));
  }

  private CodeBlock field(Encoding encoding, CodeBlock codec) {
    return field(encoding, "", codec);
  }

  /** The field holding {@code codec}, which reads only fields already written. */
  private CodeBlock field(Encoding encoding, String prefix, CodeBlock codec) {
    Encoding key = key(encoding);
    String name = written.get(key);
    if (name == null) {
      name = names.newName(prefix + base(encoding) + "_CODEC", key);
      written.put(key, name);
      fields.add(
          FieldSpec.builder(
                  codecOf(encoding.type()), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("$L", codec)
              .build());
    }
    return CodeBlock.of("$N", name);
  }

  /** The field of a record's codec, written before the fields of its components. */
  private String record(Encoding.RecordOf record) {
    Encoding key = key(record);
    String name = written.get(key);
    if (name != null) {
      return name;
    }
    name = names.newName(base(record) + "_CODEC", key);
    written.put(key, name);
    int at = fields.size();
    fields.add(null);
    TypeName type = record.type();
    MethodSpec.Builder write =
        MethodSpec.methodBuilder("write")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(type, "value")
            .addParameter(DATA_OUTPUT, "out")
            .addException(IO_EXCEPTION);
    MethodSpec.Builder read =
        MethodSpec.methodBuilder("read")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(type)
            .addParameter(DATA_INPUT, "in")
            .addException(IO_EXCEPTION);
    NameAllocator locals = new NameAllocator();
    locals.newName("in", "in");
    List<CodeBlock> arguments = new ArrayList<>();
    for (Encoding.Component component : record.components()) {
      String local = locals.newName(component.name(), component);
      arguments.add(CodeBlock.of("$N", local));
      if (component.type().isPrimitive()) {
        String method = primitiveMethod(component.type());
        write.addStatement("out.write$L(value.$N())", method, component.name());
        read.addStatement("$T $N = in.read$L()", component.type(), local, method);
      } else {
        CodeBlock codec = expression(component.encoding());
        write.addStatement("$L.write(value.$N(), out)", codec, component.name());
        read.addStatement("$T $N = $L.read(in)", component.type(), local, codec);
      }
    }
    read.addStatement("return new $T($L)", type, CodeBlock.join(arguments, ",$W"));
    String className = types.newName(camel(type) + "Codec", type);
    classes.add(
        TypeSpec.classBuilder(className)
            .addJavadoc(
                "Record {@code $L}: its components in order, each with its codec; read back"
                    + " through the canonical constructor.\n",
                TypeText.of(type))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addSuperinterface(codecOf(type))
            .addMethod(write.build())
            .addMethod(read.build())
            .build());
    fields.set(
        at,
        FieldSpec.builder(codecOf(type), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $N()", className)
            .build());
    return name;
  }

  /**
   * The encoding as a key of the fields written: a record by its type, wherever it is met in full
   * or as a reference to itself, so that one codec has one field.
   */
  private static Encoding key(Encoding encoding) {
    if (encoding instanceof Encoding.RecordOf record) {
      return new Encoding.RecordRef(record.type());
    }
    if (encoding instanceof Encoding.Nullable nullable) {
      return new Encoding.Nullable(key(nullable.value()));
    }
    if (encoding instanceof Encoding.ListOf list) {
      return new Encoding.ListOf(list.type(), key(list.element()));
    }
    if (encoding instanceof Encoding.OptionalOf optional) {
      return new Encoding.OptionalOf(optional.type(), key(optional.value()));
    }
    if (encoding instanceof Encoding.MapOf map) {
      return new Encoding.MapOf(map.type(), key(map.key()), key(map.value()));
    }
    return encoding;
  }

  /** {@code KV<String, Long>} gives {@code KVOfStringAndLong}. */
  private static String camel(TypeName type) {
    if (type instanceof ParameterizedTypeName parameterized) {
      List<String> arguments = new ArrayList<>();
      for (TypeName argument : parameterized.typeArguments()) {
        arguments.add(camel(argument));
      }
      return camel(parameterized.rawType()) + "Of" + String.join("And", arguments);
    }
    if (type instanceof ClassName name) {
      return name.simpleName();
    }
    return TypeText.of(type).replaceAll("\\W", "");
  }

  /** {@code Long} for {@code long}: the suffix of {@code DataOutput.writeLong}. */
  private static String primitiveMethod(TypeName primitive) {
    String name = primitive.toString();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The part of a field name that says what the codec encodes: {@code LIST_OF_STRING}. */
  private static String base(Encoding encoding) {
    if (encoding instanceof Encoding.Nullable nullable) {
      return base(nullable.value());
    }
    if (encoding instanceof Encoding.ListOf list) {
      return "LIST_OF_" + base(list.element());
    }
    if (encoding instanceof Encoding.OptionalOf optional) {
      return "OPTIONAL_OF_" + base(optional.value());
    }
    if (encoding instanceof Encoding.MapOf map) {
      return "MAP_OF_" + base(map.key()) + "_TO_" + base(map.value());
    }
    if (encoding instanceof Encoding.User user) {
      return constant(user.method());
    }
    return typeBase(encoding.type());
  }

  /**
   * {@code KV<String, Long>} gives {@code KV_OF_STRING_AND_LONG}; nesting keeps the simple name.
   */
  private static String typeBase(TypeName type) {
    if (type instanceof ParameterizedTypeName parameterized) {
      List<String> arguments = new ArrayList<>();
      for (TypeName argument : parameterized.typeArguments()) {
        arguments.add(typeBase(argument));
      }
      return typeBase(parameterized.rawType()) + "_OF_" + String.join("_AND_", arguments);
    }
    if (type instanceof ClassName name) {
      return constant(name.simpleName());
    }
    return constant(TypeText.of(type).replaceAll("\\W", "_"));
  }

  /** {@code pageSets} gives {@code PAGE_SETS}. */
  private static String constant(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
