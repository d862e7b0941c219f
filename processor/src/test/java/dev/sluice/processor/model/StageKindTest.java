package dev.sluice.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The operator descriptors against the api's annotations, and the facts they carry. */
class StageKindTest {

  private static final Path ANNOTATIONS = Path.of("../api/src/main/java/dev/sluice/api/annotation");

  @Test
  void everyOperatorAnnotationHasADescriptorAndEveryDescriptorAnAnnotation() throws IOException {
    Set<String> annotations = new TreeSet<>();
    try (Stream<Path> files = Files.list(ANNOTATIONS)) {
      for (Path file : files.toList()) {
        if (Files.readString(file).contains("public @interface")) {
          annotations.add(file.getFileName().toString().replace(".java", ""));
        }
      }
    }
    annotations.remove("Pipeline");
    annotations.remove("StateCodec"); // declares a codec, not a stage
    Set<String> described =
        Arrays.stream(StageKind.values())
            .filter(StageKind::isAnnotation)
            .map(kind -> kind.annotation().substring(1))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(annotations, described);
  }

  @Test
  void traitsFollowTheFamily() {
    for (StageKind kind : StageKind.values()) {
      assertFalse(kind.combines() && kind.groups(), kind + " both combines and groups");
      assertEquals(
          kind.isStateful(),
          kind.family() == Family.UPDATE_STATE || kind.family() == Family.MAP_WITH_STATE);
      assertEquals(
          kind.family() != Family.OUTPUT && !kind.isNarrow(), kind.startsSegment(), kind.name());
    }
    assertTrue(StageKind.REDUCE_BY_KEY_AND_WINDOW.isWindowed());
    assertFalse(StageKind.REDUCE_BY_KEY.isWindowed());
  }

  @Test
  void theFormNamesTheStage() {
    assertEquals("R groups(K key, List<V> values)", StageKind.GROUP_BY_KEY.form("groups"));
    assertEquals(
        "List<R> t(List<T> batch) or List<R> t(List<T> batch, long time)",
        StageKind.TRANSFORM.form("t"));
  }

  @Test
  void joinKindsAreTheApis() {
    assertEquals(
        Arrays.stream(dev.sluice.api.annotation.JoinKind.values()).map(Enum::name).toList(),
        Arrays.stream(JoinKind.values()).map(Enum::name).toList());
  }

  @Test
  void joinKindsKnowTheirOptionalSides() {
    assertEquals(
        "INNER:false,false LEFT_OUTER:false,true RIGHT_OUTER:true,false FULL_OUTER:true,true",
        Arrays.stream(JoinKind.values())
            .map(kind -> kind + ":" + kind.leftOptional() + "," + kind.rightOptional())
            .collect(Collectors.joining(" ")));
  }
}
