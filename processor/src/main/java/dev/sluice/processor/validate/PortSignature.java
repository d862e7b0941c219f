package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @Input}: {@code Source<T> name()}, producing {@code T}; {@code @Output}: {@code Sink<S>
 * name()}, accepting {@code S}. Both take no parameters and return a port type of one named record
 * type.
 */
final class PortSignature implements SignatureRule {

  private final TypeSupport types;
  private final String portType;
  private final boolean produces;
  private final BiFunction<String, String, String> message;

  private PortSignature(
      TypeSupport types,
      String portType,
      boolean produces,
      BiFunction<String, String, String> message) {
    this.types = types;
    this.portType = portType;
    this.produces = produces;
    this.message = message;
  }

  /** The rule for {@code @Input}. */
  static PortSignature input(TypeSupport types) {
    return new PortSignature(types, TypeSupport.SOURCE, true, SignatureMessages::sourceType);
  }

  /** The rule for {@code @Output}. */
  static PortSignature output(TypeSupport types) {
    return new PortSignature(types, TypeSupport.SINK, false, SignatureMessages::sinkType);
  }

  /**
   * The records an {@code @Output} method taking parameters seems to want, for the hint: the type
   * of its one parameter, or of the elements of a {@code List} parameter; otherwise {@code T}.
   */
  private String recordsTaken(StageDeclaration stage) {
    List<? extends VariableElement> parameters = stage.method().getParameters();
    if (parameters.size() != 1) {
      return "T";
    }
    TypeMirror type = parameters.get(0).asType();
    if (TypeSupport.is(type, TypeSupport.LIST)) {
      return types.recordTypeOf(type, TypeSupport.LIST).map(TypeSupport::text).orElse("T");
    }
    return TypeSupport.text(types.boxed(type));
  }

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
    if (!produces && !stage.method().getParameters().isEmpty()) {
      // a method taking the records is what Spark users write for foreachRDD
      report.error(
          SignatureMessages.outputArity(
              stage.name(), stage.method().getParameters().size(), recordsTaken(stage)),
          stage.method());
      return Optional.empty();
    }
    if (!SignatureRule.hasArity(stage, 0, report)) {
      return Optional.empty();
    }
    TypeMirror returned = stage.method().getReturnType();
    Optional<TypeMirror> record = types.recordTypeOf(returned, portType);
    if (record.isEmpty()) {
      report.error(message.apply(stage.name(), TypeSupport.text(returned)), stage.method());
      return Optional.empty();
    }
    return Optional.of(
        produces
            ? new Signature(null, record.get(), null)
            : new Signature(record.get(), null, null));
  }
}
