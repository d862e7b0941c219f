package dev.sluice.runtime.internal.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.runtime.internal.window.WindowRecording.Recorded;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WindowRecordingTest {

  @Test
  void keepsTheSpecsMadeWhileCreatingAndNestsWithoutMixing() {
    Recorded<String> outer =
        WindowRecording.record(
            () -> {
              WindowSpec.of("P", "a", 3000, 1000, 1000);
              Recorded<String> inner =
                  WindowRecording.record(
                      () -> {
                        WindowSpec.of("P", "b", 4000, 2000, 1000);
                        return "inner";
                      });
              assertEquals(List.of(new WindowSpec(4, 2)), inner.windows());
              WindowSpec.of("P", "c", 2000, 2000, 1000);
              return "outer";
            });
    assertEquals("outer", outer.created());
    assertEquals(List.of(new WindowSpec(3, 1), new WindowSpec(2, 2)), outer.windows());
    WindowSpec.of("P", "d", 1000, 1000, 1000); // no recording: kept nowhere
  }

  @Test
  @Timeout(10)
  void specsMadeOnAnotherThreadAreNotKept() throws Exception {
    Recorded<Integer> recorded =
        WindowRecording.record(
            () -> {
              Thread thread = new Thread(() -> WindowSpec.of("P", "x", 2000, 1000, 1000));
              thread.start();
              try {
                thread.join();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return 1;
            });
    assertEquals(List.of(), recorded.windows());
  }
}
