package dev.sluice.bench.endtoend;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collections during a measurement, from the JVM's GC notifications: how many and the
 * longest since a given time, so a latency tail can be told apart from a GC pause and the warm-up's
 * collections left out. With G1, the duration of a young or mixed collection is its pause. A
 * collection belongs to the time its notification arrived, just after it ended.
 *
 * <p><b>Threads:</b> notifications arrive on a JMX thread; {@link #close} and the getters from the
 * measuring thread. Synchronized: a few calls a second, off every measured path.
 */
final class GcPauses implements NotificationListener, AutoCloseable {

  private final List<NotificationEmitter> emitters = new ArrayList<>();

  /** Per collection: when its notification arrived ({@link System#nanoTime}) and its millis. */
  private final List<long[]> collections = new ArrayList<>();

  /** Starts listening to every collector. */
  GcPauses() {
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (bean instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(this, null, null);
        emitters.add(emitter);
      }
    }
  }

  @Override
  public synchronized void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    collections.add(new long[] {System.nanoTime(), info.getGcInfo().getDuration()});
  }

  /** Collections that ended at or after {@code fromNanos} ({@link System#nanoTime}). */
  synchronized int count(long fromNanos) {
    int count = 0;
    for (long[] collection : collections) {
      if (collection[0] >= fromNanos) {
        count++;
      }
    }
    return count;
  }

  /** The longest collection that ended at or after {@code fromNanos}, in milliseconds. */
  synchronized long maxMillis(long fromNanos) {
    long max = 0;
    for (long[] collection : collections) {
      if (collection[0] >= fromNanos) {
        max = Math.max(max, collection[1]);
      }
    }
    return max;
  }

  /** Stops listening. */
  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(this);
      } catch (ListenerNotFoundException e) {
        // never added: nothing to remove
      }
    }
  }
}
