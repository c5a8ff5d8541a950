package dev.weft.internal;

/**
 * Unwinds a task whose run has already failed (deadlock, step limit, watchdog): thrown at the
 * task's suspension point so that its {@code finally} blocks run and its carrier thread ends. Code
 * should let it propagate.
 */
final class RunAbortedError extends Error {
  private static final long serialVersionUID = 1L;

  RunAbortedError(String reason) {
    super(
        "this Weft run has ended ("
            + reason
            + "); the task is being unwound so that its thread ends");
  }
}
