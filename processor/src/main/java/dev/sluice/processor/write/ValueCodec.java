package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import dev.sluice.processor.model.ValueKind;

/**
 * How a reduce function's values go into and come out of its combine buffer. Every primitive is
 * kept unboxed in a {@code LongValueMap}'s {@code long} slot: integral types and {@code char}
 * widened, {@code float} and {@code double} as their raw bits, {@code boolean} as 0 or 1.
 * References are stored as they are in an {@code ObjectValueMap}.
 */
final class ValueCodec {

  private ValueCodec() {}

  /** The expression storing {@code value} (of the function's type) in a slot. */
  static CodeBlock encode(ValueKind kind, CodeBlock value) {
    return switch (kind) {
      case BOOLEAN -> CodeBlock.of("$L ? 1L : 0L", value);
      case FLOAT -> CodeBlock.of("$T.floatToRawIntBits($L)", Float.class, value);
      case DOUBLE -> CodeBlock.of("$T.doubleToRawLongBits($L)", Double.class, value);
      case BYTE, SHORT, CHAR, INT, LONG, REFERENCE -> value;
    };
  }

  /** The expression reading a slot ({@code stored}) back as the function's type. */
  static CodeBlock decode(ValueKind kind, CodeBlock stored) {
    return switch (kind) {
      case BOOLEAN -> CodeBlock.of("$L != 0L", stored);
      case BYTE -> CodeBlock.of("(byte) $L", stored);
      case SHORT -> CodeBlock.of("(short) $L", stored);
      case CHAR -> CodeBlock.of("(char) $L", stored);
      case INT -> CodeBlock.of("(int) $L", stored);
      case FLOAT -> CodeBlock.of("$T.intBitsToFloat((int) $L)", Float.class, stored);
      case DOUBLE -> CodeBlock.of("$T.longBitsToDouble($L)", Double.class, stored);
      case LONG, REFERENCE -> stored;
    };
  }
}
