package dev.sluice.runtime.checkpoint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A pipeline's checkpoint settings, read fresh at every start (none of them is stored in the
 * directory).
 *
 * @param directory the checkpoint directory
 * @param writeAheadLog whether receivers with a codec log their records in the directory, so that
 *     they are not lost in a crash (on by default)
 */
public record CheckpointSettings(Path directory, boolean writeAheadLog) {

  /** Checks the directory. */
  public CheckpointSettings {
    Objects.requireNonNull(directory, "directory");
  }
}
