package dev.sluice.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.BatchSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSourceTest {

  @Test
  void cyclesThroughTheWalkThroughTraceOneLinePerBatch() throws Exception {
    BatchSource<String> demo = Sources.demo();
    assertEquals(List.of("hello world"), demo.nextBatch(2000));
    assertEquals(List.of("hello spark"), demo.nextBatch(4000));
    assertEquals(List.of("world spark"), demo.nextBatch(6000));
    assertEquals(List.of("hello world"), demo.nextBatch(8000));
    assertEquals("demo", demo.describe());
  }
}
