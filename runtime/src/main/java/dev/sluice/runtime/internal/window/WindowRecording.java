package dev.sluice.runtime.internal.window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The windows of a program, collected while it is created: generated builders make every window's
 * {@link WindowSpec} with {@link WindowSpec#of} as they create the program, and a recording around
 * that creation keeps each one. A bounded run learns from them how long its windows take to drain.
 *
 * <p><b>Threads:</b> a recording belongs to the thread that runs it (a thread-local), so programs
 * created on other threads meanwhile are not mixed in; recordings may nest.
 */
public final class WindowRecording {

  private static final ThreadLocal<List<WindowSpec>> CURRENT = new ThreadLocal<>();

  private WindowRecording() {}

  /**
   * What {@code creation} created, with the window specs made on this thread while it ran.
   *
   * @param <T> what is created, such as a program
   */
  public static <T> Recorded<T> record(Supplier<T> creation) {
    List<WindowSpec> outer = CURRENT.get();
    List<WindowSpec> specs = new ArrayList<>();
    CURRENT.set(specs);
    try {
      return new Recorded<>(creation.get(), List.copyOf(specs));
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Keeps {@code spec} in this thread's recording, if one runs. */
  static void made(WindowSpec spec) {
    List<WindowSpec> specs = CURRENT.get();
    if (specs != null) {
      specs.add(spec);
    }
  }

  /**
   * What a recording created and the window specs made meanwhile, in the order they were made.
   *
   * @param <T> what was created
   */
  public record Recorded<T>(T created, List<WindowSpec> windows) {}
}
