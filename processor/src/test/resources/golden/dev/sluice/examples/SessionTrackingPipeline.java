package dev.sluice.examples;

import dev.sluice.api.Codec;
import dev.sluice.api.KV;
import dev.sluice.api.Sink;
import dev.sluice.api.Source;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.codec.Codecs;
import dev.sluice.runtime.internal.GroupShuffle;
import dev.sluice.runtime.internal.InputSlot;
import dev.sluice.runtime.internal.KeyGroups;
import dev.sluice.runtime.internal.OutputSlot;
import dev.sluice.runtime.internal.PairBuffer;
import dev.sluice.runtime.internal.Partitioner;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.SegmentSlot;
import dev.sluice.runtime.internal.StageFailure;
import dev.sluice.runtime.internal.TaskContext;
import dev.sluice.runtime.internal.snapshot.StageState;
import dev.sluice.runtime.internal.state.MapWithStateStore;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Pipeline {@link SessionTracking}, compiled by Sluice: {@link #builder()} binds its inputs and
 * outputs and builds it.
 *
 * <p>Segments, in execution order: {@code events -> byUser}, {@code sessions -> [active ->
 * openSessions, print]}.
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class SessionTrackingPipeline {
  private SessionTrackingPipeline() {
  }

  /**
   * A new builder of pipeline {@code SessionTracking}, with a default batch interval of 2000 ms.
   *
   * <ul>
   *   <li>input {@code events}: {@code String}
   *   <li>output {@code print}: {@code String}
   *   <li>output {@code openSessions}: {@code KV<String, SessionTracking.Session>}
   * </ul>
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the inputs and outputs of pipeline {@code SessionTracking}, then builds it.
   */
  public static final class Builder extends PipelineBuilder<Builder> {
    private Builder() {
      super(
          "SessionTracking",
          Duration.ofMillis(2000),
          List.of(new PipelineBuilder.Port("events", "String", true)),
          List.of(
              new PipelineBuilder.Port("print", "String", true),
              new PipelineBuilder.Port("openSessions", "KV<String, SessionTracking.Session>",
                  false)));
    }

    /**
     * Binds input {@code events}, replacing the default from {@code SessionTracking.events()}.
     */
    public Builder events(Source<String> source) {
      return bindInput("events", source);
    }

    /**
     * Binds output {@code print}, replacing the default from {@code SessionTracking.print()}.
     */
    public Builder print(Sink<? super String> sink) {
      return bindOutput("print", sink);
    }

    /**
     * Binds output {@code openSessions}, replacing the default from {@code
     * SessionTracking.openSessions()}.
     */
    public Builder openSessions(Sink<? super KV<String, SessionTracking.Session>> sink) {
      return bindOutput("openSessions", sink);
    }

    @Override
    protected PipelineProgram createProgram(int parallelism) {
      Source<String> events = boundInput("events");
      Sink<? super String> print = boundOutput("print");
      Sink<? super KV<String, SessionTracking.Session>> openSessions = boundOutput("openSessions");
      // Only the defaults need an instance of SessionTracking.
      SessionTracking pipeline = events == null || print == null
          || openSessions == null ? new SessionTracking() : null;
      if (events == null) {
        events = pipeline.events();
      }
      if (print == null) {
        print = pipeline.print();
      }
      if (openSessions == null) {
        openSessions = pipeline.openSessions();
      }
      return new Program(events, print, openSessions, parallelism);
    }
  }

  /**
   * Runs the segments of pipeline {@code SessionTracking} and owns the shuffle buffers between
   * them.
   *
   * <p><b>Threads:</b> the engine's workers call {@link #runTask}, concurrently for the
   * partitions of one segment. Task {@code (segment, p)} writes only row {@code p} of the
   * shuffles its segment combines into, column {@code p} of the shuffle it reads, and
   * partition {@code p} of its outputs. <b>Visibility:</b> the engine's queues order every
   * task of a segment before the next segment, and batches one after another.
   * <b>Allocation:</b> the buffers are allocated here once and reused every batch; per record,
   * only user methods allocate, and a reduce boxes its output {@code KV}.
   */
  private static final class Program extends PipelineProgram {
    private static final Codec<SessionTracking.Session> SESSION_CODEC = new SessionCodec();

    private final GroupShuffle<String, Long, Object> sessionsShuffle;

    private final List<MapWithStateStore<String, SessionTracking.Session>> sessionsState;

    Program(Source<String> events, Sink<? super String> print,
        Sink<? super KV<String, SessionTracking.Session>> openSessions, int parallelism) {
      super(
          "SessionTracking",
          List.of(new InputSlot("events", events)),
          List.of(
              new SegmentSlot("events -> byUser", parallelism),
              new SegmentSlot("sessions -> [active -> openSessions, print]", parallelism)),
          List.of(
              new OutputSlot("print", print, parallelism),
              new OutputSlot("openSessions", openSessions, parallelism)));
      this.sessionsShuffle = new GroupShuffle<>(parallelism, 0, parallelism);
      this.sessionsState = new ArrayList<>();
      for (int task = 0, tasks = parallelism; task < tasks; task++) {
        this.sessionsState.add(new MapWithStateStore<>(4000L, 5, 16));
      }
    }

    @Override
    public void runTask(int segment, int partition, TaskContext context) {
      switch (segment) {
        case 0 -> events_byUser(context.input(0, partition), sessionsShuffle.left(partition));
        case 1 -> sessions_active_openSessions_print(sessionsShuffle.group(partition),
            sessionsState.get(partition), context.batchIndex(), context.batchTime(),
            context.output(1, partition), context.output(0, partition));
        default -> throw new IllegalArgumentException(name() + " has no segment " + segment);
      }
    }

    /**
     * Segment 0: {@code events -> byUser}, combining into the map side of sessions.
     *
     * <p>Calls {@link SessionTracking#byUser}.
     */
    private void events_byUser(List<String> events, PairBuffer<String, Long>[] sessions) {
      for (int i = 0, n = events.size(); i < n; i++) {
        String event = events.get(i);
        // byUser: SessionTracking.byUser(String)
        KV<String, Long> byUser;
        try {
          byUser = SessionTracking.byUser(event);
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "byUser", event);
        }
        // sessions, map side: appends the value to its key's buffer, for the reduce side of
        // sessions
        try {
          String key = byUser.key();
          sessions[Partitioner.partition(key, sessions.length)].add(key, byUser.value());
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "sessions", byUser);
        }
      }
    }

    /**
     * Segment 1: {@code sessions -> [active -> openSessions, print]}, reading the reduce side of
     * sessions.
     *
     * <p>Calls {@link SessionTracking#sessions}, {@link SessionTracking#active}.
     */
    private void sessions_active_openSessions_print(KeyGroups<String, Long, Object> groups,
        MapWithStateStore<String, SessionTracking.Session> state, long batchIndex, long batchTime,
        List<KV<String, SessionTracking.Session>> openSessions, List<String> print) {
      state.beginBatch(batchIndex, batchTime);
      for (int i = 0, n = groups.size(); i < n; i++) {
        String key = groups.key(i);
        List<Long> values = groups.left(i);
        for (int v = 0; v < values.size(); v++) {
          // sessions: SessionTracking.sessions(String, Optional<Long>,
          // State<SessionTracking.Session>)
          String sessions;
          try {
            sessions = SessionTracking.sessions(key, Optional.of(values.get(v)), state.open(key));
          } catch (RuntimeException e) {
            throw StageFailure.wrap(e, "sessions", key);
          }
          state.close();
          // print: output, default sink SessionTracking.print()
          print.add(sessions);
        }
      }
      // sessions: the last call of every key timing out at a full-scan batch
      for (int t = 0, timeouts = state.timeouts(); t < timeouts; t++) {
        String idleKey = state.timedOutKey(t);
        String sessions;
        try {
          sessions = SessionTracking.sessions(idleKey, Optional.empty(), state.openTimingOut(t));
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "sessions", idleKey);
        }
        // print: output, default sink SessionTracking.print()
        print.add(sessions);
      }
      state.endBatch();
      for (int entry = 0, entries = state.size(); entry < entries; entry++) {
        String stateKey = state.key(entry);
        // active: SessionTracking.active(String, SessionTracking.Session)
        KV<String, SessionTracking.Session> active;
        try {
          active = SessionTracking.active(stateKey, state.state(entry));
        } catch (RuntimeException e) {
          throw StageFailure.wrap(e, "active", stateKey);
        }
        // openSessions: output, default sink SessionTracking.openSessions()
        openSessions.add(active);
      }
    }

    @Override
    public List<StageState<?, ?>> stageStates() {
      return List.of(StageState.keyed("sessions",
          "mapWithState String -> SessionTracking.Session; SessionTracking.Session(long start, long lastSeen, int events)",
          sessionsState, Codecs.string(), SESSION_CODEC));
    }

    /**
     * Record {@code SessionTracking.Session}: its components in order, each with its codec; read
     * back through the canonical constructor.
     */
    private static final class SessionCodec implements Codec<SessionTracking.Session> {
      @Override
      public void write(SessionTracking.Session value, DataOutput out) throws IOException {
        out.writeLong(value.start());
        out.writeLong(value.lastSeen());
        out.writeInt(value.events());
      }

      @Override
      public SessionTracking.Session read(DataInput in) throws IOException {
        long start = in.readLong();
        long lastSeen = in.readLong();
        int events = in.readInt();
        return new SessionTracking.Session(start, lastSeen, events);
      }
    }
  }
}
