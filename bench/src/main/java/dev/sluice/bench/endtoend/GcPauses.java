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
 * The garbage collections during a measurement, from the JVM's GC notifications: how many and
 * the longest, so a latency tail can be told apart from a GC pause. With G1, the duration of a
 * young or mixed collection is its pause.
 *
 * <p><b>Threads:</b> notifications arrive on a JMX thread; {@link #close} and the getters from
 * the measuring thread. Synchronized: a few calls a second, off every measured path.
 */
final class GcPauses implements NotificationListener, AutoCloseable {

  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private int count;
  private long maxMillis;
  private long totalMillis;

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
    long millis = info.getGcInfo().getDuration();
    count++;
    totalMillis += millis;
    maxMillis = Math.max(maxMillis, millis);
  }

  /** Collections so far. */
  synchronized int count() {
    return count;
  }

  /** The longest collection so far, in milliseconds. */
  synchronized long maxMillis() {
    return maxMillis;
  }

  /** All collections so far, in milliseconds. */
  synchronized long totalMillis() {
    return totalMillis;
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
