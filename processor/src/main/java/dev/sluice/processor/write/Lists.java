package dev.sluice.processor.write;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * {@code List.of(...)} expressions formatted as Google style would: one element inline, several one
 * per line, indented under the call.
 */
final class Lists {

  private Lists() {}

  /** The expression; the caller is already inside a continuation indent. */
  static CodeBlock of(List<CodeBlock> elements) {
    if (elements.size() == 1) {
      return CodeBlock.of("$T.of($L)", RuntimeTypes.LIST, elements.get(0));
    }
    if (elements.isEmpty()) {
      return CodeBlock.of("$T.of()", RuntimeTypes.LIST);
    }
    return CodeBlock.of("$T.of(\n$>$>$L)$<$<", RuntimeTypes.LIST, CodeBlock.join(elements, ",\n"));
  }
}
