package dev.sluice.examples;

import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.api.State;
import dev.sluice.api.annotation.Input;
import dev.sluice.api.annotation.Map;
import dev.sluice.api.annotation.MapWithState;
import dev.sluice.api.annotation.Output;
import dev.sluice.api.annotation.Pipeline;
import dev.sluice.api.annotation.StateSnapshots;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.source.Sources;
import java.util.List;
import java.util.Optional;

/**
 * User sessions with an idle timeout: Spark Streaming's {@code mapWithState} with a {@code
 * StateSpec.timeout}. Events arrive as {@code user,second} lines; each user's state is a session
 * (first and last second seen, event count). Every event prints the updated session; a user idle
 * for more than 4 s prints the ended session, at the next full-scan batch (every fifth batch here,
 * as Spark's with {@code checkpoint(10 s)} on the state stream); {@code active} prints every open
 * session each batch (Spark's {@code stateSnapshots()}).
 *
 * <p>Run {@code SessionTrackingMain --batches 10} for the built-in demo input: bob's session ends
 * at the scan of 10 s, alice's and carol's at the scan of 20 s.
 */
@Pipeline(batchInterval = "2s")
public final class SessionTracking {

  /** A user's session: the first and last second seen and the number of events. */
  public record Session(long start, long lastSeen, int events) {}

  /** Demo events, one list per batch. */
  @Input
  Source<String> events() {
    return Sources.batches(
        List.of(
            List.of("alice,1", "bob,1"),
            List.of("alice,3"),
            List.of("carol,5", "alice,6"),
            List.of(),
            List.of("carol,9"),
            List.of("alice,11")));
  }

  @Map(from = "events")
  static KV<String, Long> byUser(String line) {
    int comma = line.indexOf(',');
    return KV.of(line.substring(0, comma), Long.parseLong(line.substring(comma + 1)));
  }

  /** Extends the user's session with an event, or reports it ended when it times out. */
  @MapWithState(from = "byUser", timeout = "4s", fullScanBatches = 5)
  static String sessions(String user, Optional<Long> second, State<Session> state) {
    if (state.isTimingOut()) {
      return user + " ended " + describe(state.get());
    }
    long at = second.orElseThrow();
    Session session =
        state
            .getOption()
            .map(s -> new Session(s.start(), at, s.events() + 1))
            .orElse(new Session(at, at, 1));
    state.update(session);
    return user + " active " + describe(session);
  }

  /** Every open session, each batch. */
  @StateSnapshots(from = "sessions")
  static KV<String, Session> active(String user, Session session) {
    return KV.of(user, session);
  }

  @Output(from = "sessions")
  Sink<String> print() {
    return Sinks.print();
  }

  @Output(from = "active")
  Sink<KV<String, Session>> openSessions() {
    return Sinks.print();
  }

  private static String describe(Session session) {
    return session.start() + "-" + session.lastSeen() + " s, " + session.events() + " events";
  }
}
