package dev.sluice.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Copies the code of each segment of a generated {@code <Pipeline>Pipeline}, exactly as written
 * (comments naming the user's methods included), into the resource {@code
 * <Pipeline>Pipeline.sluice-code} beside its class, for the web UI's code view. Each segment's part
 * starts with a line {@code // segment N}; it holds the method whose javadoc says {@code Segment
 * N:} and the helper methods it calls.
 *
 * <p>Runs on javac only (it reads the source through the compiler's trees) and in the round after
 * the generated source appeared; elsewhere it does nothing, and the UI shows no code. It never
 * claims an annotation and never fails the build: a problem is a note.
 */
@AutoService(Processor.class)
public final class SegmentCodeExporter extends AbstractProcessor {

  private static final Pattern SEGMENT = Pattern.compile("\\bSegment (\\d+):");
  private static final String PROGRAM_BASE = "dev.sluice.runtime.internal.PipelineProgram";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Trees trees;
    try {
      trees = Trees.instance(processingEnv);
    } catch (IllegalArgumentException notJavac) {
      return false;
    }
    for (Element root : round.getRootElements()) {
      if (!(root instanceof TypeElement type)) {
        continue;
      }
      for (Element member : type.getEnclosedElements()) {
        if (member.getKind() == ElementKind.CLASS && isProgram((TypeElement) member)) {
          try {
            export(type, (TypeElement) member, trees);
          } catch (IOException | RuntimeException e) {
            processingEnv
                .getMessager()
                .printMessage(
                    Diagnostic.Kind.NOTE,
                    "Sluice: no code view for " + type.getQualifiedName() + ": " + e,
                    type);
          }
        }
      }
    }
    return false;
  }

  private boolean isProgram(TypeElement type) {
    Element superclass = processingEnv.getTypeUtils().asElement(type.getSuperclass());
    return superclass instanceof TypeElement base
        && base.getQualifiedName().contentEquals(PROGRAM_BASE);
  }

  private void export(TypeElement pipeline, TypeElement program, Trees trees) throws IOException {
    TreePath path = trees.getPath(program);
    if (path == null) {
      return; // from a class file: nothing to read
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    String text = unit.getSourceFile().getCharContent(true).toString();
    SourcePositions positions = trees.getSourcePositions();
    ClassTree body = (ClassTree) path.getLeaf();
    Map<String, String> methods = new LinkedHashMap<>();
    Map<Integer, String> segments = new TreeMap<>();
    long previousEnd = text.indexOf('{', (int) positions.getStartPosition(unit, body)) + 1;
    for (Tree member : body.getMembers()) {
      long end = positions.getEndPosition(unit, member);
      if (member instanceof MethodTree method) {
        String code = indentOut(text.substring((int) previousEnd, (int) end));
        methods.put(method.getName().toString(), code);
        int signature = code.indexOf(method.getName() + "(");
        Matcher segment = SEGMENT.matcher(signature < 0 ? code : code.substring(0, signature));
        if (segment.find()) {
          segments.put(Integer.parseInt(segment.group(1)), method.getName().toString());
        }
      }
      previousEnd = end;
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<Integer, String> segment : segments.entrySet()) {
      out.append("// segment ").append(segment.getKey()).append('\n');
      String main = methods.get(segment.getValue());
      out.append(main).append("\n\n");
      for (String helper : helpers(main, segment.getValue(), methods)) {
        out.append(methods.get(helper)).append("\n\n");
      }
    }
    String name = program.getEnclosingElement().getSimpleName() + ".sluice-code";
    String pkg =
        processingEnv.getElementUtils().getPackageOf(pipeline).getQualifiedName().toString();
    try (Writer writer =
        processingEnv
            .getFiler()
            .createResource(StandardLocation.CLASS_OUTPUT, pkg, name, pipeline)
            .openWriter()) {
      writer.write(out.toString());
    }
  }

  /** The other methods {@code code} calls, in declaration order. */
  private static List<String> helpers(String code, String self, Map<String, String> methods) {
    List<String> called = new ArrayList<>();
    for (String name : methods.keySet()) {
      if (!name.equals(self)
          && !name.equals("runTask")
          && !name.equals("<init>")
          && Pattern.compile("\\b" + Pattern.quote(name) + "\\(").matcher(code).find()) {
        called.add(name);
      }
    }
    return called;
  }

  /** {@code code} without blank lines around it and without its common indentation. */
  private static String indentOut(String code) {
    List<String> lines = new ArrayList<>(List.of(code.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
