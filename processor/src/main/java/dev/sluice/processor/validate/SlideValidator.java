package dev.sluice.processor.validate;

import dev.sluice.processor.model.DeclaredDuration;
import dev.sluice.processor.model.PipelineDeclaration;
import dev.sluice.processor.model.StageDeclaration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Follows each stream's slide along the wiring, as Spark's {@code slideDuration}: an input slides
 * every batch, a windowed stage at its slide, every other stage at the slide of what it reads.
 * Checks Spark's two rules on it: a window over a stream sliding at more than one batch has a
 * window and slide that are multiples of that slide ({@code WindowedDStream}), and the streams a
 * union or join reads slide alike ({@code UnionDStream}, {@code TransformedDStream}). Slides are
 * compared in milliseconds when the batch interval is fixed, otherwise only when both are given.
 */
final class SlideValidator {

  /** A stream's slide: {@code millis} 0 means one batch interval, whatever it is. */
  private record Slide(long millis, String text) {}

  private final PipelineDeclaration pipeline;
  private final Map<String, List<String>> sources;
  private final OptionalLong interval;
  private final Map<String, Slide> slides = new HashMap<>();

  SlideValidator(
      PipelineDeclaration pipeline, Map<String, List<String>> sources, OptionalLong interval) {
    this.pipeline = pipeline;
    this.sources = sources;
    this.interval = interval;
  }

  /** Reports the first slide problem of each stage; call on an acyclic, well-typed pipeline. */
  void validate(Set<String> cyclic, ValidationReport report) {
    if (!cyclic.isEmpty()) {
      return;
    }
    for (String name : pipeline.stageNames()) {
      StageDeclaration stage = pipeline.stage(name).orElseThrow();
      List<String> read = sources.getOrDefault(name, List.of());
      if (read.isEmpty()) {
        continue;
      }
      if (read.size() > 1 && !sameSlides(stage, read, report)) {
        continue;
      }
      if (stage.kind().isWindowed()) {
        Slide parent = slide(read.get(0));
        if (parent.millis() != 0
            && !(interval.isPresent() && parent.millis() == interval.getAsLong())) {
          boolean window = multiple(stage, "window", read.get(0), parent, report);
          if (window) {
            multiple(stage, "slide", read.get(0), parent, report);
          }
        }
      }
    }
  }

  /** Whether {@code member} is a multiple of the parent's slide; reports if not. */
  private boolean multiple(
      StageDeclaration stage,
      String member,
      String parentName,
      Slide parent,
      ValidationReport report) {
    DeclaredDuration duration = stage.duration(member);
    String text = duration.text();
    long millis = duration.isEmpty() ? 0 : duration.millis().orElse(-1);
    if (millis > 0 && millis % parent.millis() == 0) {
      return true;
    }
    report.error(
        WindowMessages.parentSlide(
            stage.kind().annotation(), member, text, stage.name(), parentName, parent.text()),
        stage.method(),
        stage.annotation(),
        duration.value());
    return false;
  }

  private boolean sameSlides(StageDeclaration stage, List<String> read, ValidationReport report) {
    Slide first = slide(read.get(0));
    for (String other : read) {
      Slide slide = slide(other);
      boolean comparable = (first.millis() == 0) == (slide.millis() == 0) || interval.isPresent();
      if (comparable && millis(first) != millis(slide)) {
        report.error(
            WindowMessages.differentSlides(
                stage.annotationText(),
                stage.name(),
                read.get(0),
                first.text(),
                other,
                slide.text()),
            stage.method(),
            stage.annotation(),
            stage.fromValue(stage.kind().isBinary() ? 1 : 0));
        return false;
      }
    }
    return true;
  }

  private long millis(Slide slide) {
    return slide.millis() == 0 && interval.isPresent() ? interval.getAsLong() : slide.millis();
  }

  /** The slide of stage {@code name}'s stream. */
  private Slide slide(String name) {
    Slide known = slides.get(name);
    if (known != null) {
      return known;
    }
    StageDeclaration stage = pipeline.stage(name).orElseThrow();
    Slide slide;
    DeclaredDuration declared = stage.kind().isWindowed() ? stage.slide() : null;
    if (declared != null && !declared.isEmpty()) {
      slide = new Slide(declared.millis().orElse(0), declared.text());
    } else if (stage.kind().isWindowed() || sources.getOrDefault(name, List.of()).isEmpty()) {
      slide = new Slide(0, interval.isPresent() ? pipeline.batchInterval() : "one batch interval");
    } else {
      slide = slide(sources.get(name).get(0));
    }
    slides.put(name, slide);
    return slide;
  }
}
