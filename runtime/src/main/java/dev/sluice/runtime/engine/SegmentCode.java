package dev.sluice.runtime.engine;

import dev.sluice.runtime.internal.PipelineProgram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated code of each segment of a program, for the web UI's code view: the processor saves
 * it as the resource {@code <Pipeline>Pipeline.sluice-code} beside the generated class, each
 * segment's part after a line {@code // segment N}.
 *
 * <p><b>Threads:</b> stateless; read once when the pipeline starts.
 */
final class SegmentCode {

  private static final String MARK = "// segment ";

  private SegmentCode() {}

  /** Each segment's code, in order; empty strings where there is none (an older processor). */
  static List<String> of(PipelineProgram program) {
    List<String> code = new ArrayList<>();
    for (int s = 0; s < program.segments().size(); s++) {
      code.add("");
    }
    Class<?> generated = program.getClass();
    while (generated.getEnclosingClass() != null) {
      generated = generated.getEnclosingClass();
    }
    String text;
    try (InputStream in =
        generated.getResourceAsStream(generated.getSimpleName() + ".sluice-code")) {
      if (in == null) {
        return code;
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return code;
    }
    int segment = -1;
    StringBuilder part = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(MARK)) {
        put(code, segment, part);
        segment = Integer.parseInt(line.substring(MARK.length()).trim());
        part.setLength(0);
      } else {
        part.append(line).append('\n');
      }
    }
    put(code, segment, part);
    return code;
  }

  private static void put(List<String> code, int segment, StringBuilder part) {
    if (segment >= 0 && segment < code.size()) {
      code.set(segment, part.toString().strip());
    }
  }
}
