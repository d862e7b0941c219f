package dev.sluice.runtime.checkpoint;

/**
 * Named points in the commit protocol where tests halt the JVM, as a power cut or {@code kill -9}
 * would, to check that recovery is right from every one of them.
 *
 * <p>Off unless the system property {@code sluice.crashpoint} names a point, optionally with the
 * number of the passage to halt at ({@code after-plan:3} halts the third time the point is
 * reached); then the JVM halts with status 137 there, running no shutdown hook and flushing
 * nothing. The property is read once, so a point costs one comparison of a final field.
 *
 * <p><b>Threads:</b> each point is reached from one thread only: the driver, or the batch log's
 * writer.
 */
public enum CrashPoint {
  /** A batch's plan is appended to the log and forced to disk; the batch has not run. */
  AFTER_PLAN("after-plan"),
  /** Half of a plan record is written (the log's tail is torn). */
  MID_PLAN("mid-plan"),
  /** Every output of a batch was written (transactional sinks prepared); no commit record yet. */
  AFTER_OUTPUTS("after-outputs"),
  /** A batch's commit record is appended; it may not be on disk yet. */
  AFTER_COMMIT("after-commit"),
  /** A batch's commit record is on disk; transactional sinks have not committed. */
  AFTER_COMMIT_SYNC("after-commit-sync"),
  /** Transactional sinks committed the batch. */
  AFTER_SINK_COMMIT("after-sink-commit"),
  /** Half of a state snapshot is written to its temporary file, which is not renamed. */
  MID_SNAPSHOT("mid-snapshot"),
  /** A state snapshot is renamed into place; older snapshots and log segments are not deleted. */
  AFTER_SNAPSHOT("after-snapshot");

  private final String id;
  private final boolean armed;
  private int passages;

  CrashPoint(String id) {
    this.id = id;
    this.armed = id.equals(Armed.NAME);
  }

  /** The name the system property uses. */
  public String id() {
    return id;
  }

  /** Halts the JVM if this point is armed and this is the armed passage. */
  public void reach() {
    if (due()) {
      halt();
    }
  }

  /**
   * Counts a passage: whether the JVM is to halt here, for points that do something first (a torn
   * write), then {@link #halt()}.
   */
  boolean due() {
    return armed && ++passages == Armed.PASSAGE;
  }

  /** Halts the JVM at once, as a crash would. */
  void halt() {
    System.err.println("sluice: crash point " + id + " reached; halting");
    System.err.flush();
    Runtime.getRuntime().halt(137);
  }

  /** The armed point, read once from the system property (enum constants cannot read statics). */
  private static final class Armed {
    private static final String PROPERTY = System.getProperty("sluice.crashpoint", "");
    static final String NAME =
        PROPERTY.contains(":") ? PROPERTY.substring(0, PROPERTY.indexOf(':')) : PROPERTY;
    static final int PASSAGE =
        PROPERTY.contains(":")
            ? Integer.parseInt(PROPERTY.substring(PROPERTY.indexOf(':') + 1))
            : 1;
  }
}
