package dev.sluice.processor.validate;

import dev.sluice.processor.model.StageDeclaration;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @Input}: {@code Source<T> name()}, producing {@code T}; {@code @Output}:
 * {@code Sink<S> name()}, accepting {@code S}. Both take no parameters and return a port type of
 * one named record type.
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
    return new PortSignature(types, TypeSupport.SOURCE, true, ErrorMessages::sourceType);
  }

  /** The rule for {@code @Output}. */
  static PortSignature output(TypeSupport types) {
    return new PortSignature(types, TypeSupport.SINK, false, ErrorMessages::sinkType);
  }

  @Override
  public Optional<Signature> check(StageDeclaration stage, ValidationReport report) {
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
