package dev.sluice.runtime.cli;

/** A command line that cannot be run: an unknown flag or a bad value. Its message says which. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
