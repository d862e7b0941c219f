package dev.sluice.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Comment lines of generated code wrap at 100 columns; code and short lines stay as they are. */
class CommentWrapperTest {

  private static String words(int count) {
    return "word ".repeat(count).strip();
  }

  @Test
  void longCommentLinesWrapAtSpacesKeepingTheirIndentAndMarker() {
    String words = "word ".repeat(30).strip();
    String source =
        "class A {\n"
            + "  /**\n"
            + "   * "
            + words
            + "\n"
            + "   */\n"
            + "  void a() {\n"
            + "    // "
            + words
            + "\n"
            + "    call(\""
            + words
            + "\");\n"
            + "  }\n"
            + "}\n";
    // "   * " leaves 95 columns, 19 words; "    // " leaves 93, 18 words
    assertEquals(
        "class A {\n"
            + "  /**\n"
            + "   * "
            + words(19)
            + "\n"
            + "   * "
            + words(11)
            + "\n"
            + "   */\n"
            + "  void a() {\n"
            + "    // "
            + words(18)
            + "\n"
            + "    // "
            + words(12)
            + "\n"
            + "    call(\""
            + words
            + "\");\n"
            + "  }\n"
            + "}\n",
        CommentWrapper.wrap(source));
  }
}
