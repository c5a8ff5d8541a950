package dev.weft.internal;

/**
 * The texts that recur across Weft's misuse errors, each designed once: a call outside any run,
 * from a callback where a task is needed, from another run, a nested run, and Weft's own bugs.
 * Reports of how a run ended (deadlock, leftovers, the watchdog) are in {@link Reports}.
 *
 * <p>Internal: public only so that {@code dev.weft.internal.search} and {@code dev.weft.explore}
 * can use it.
 */
public final class Messages {
  private Messages() {}

  /** {@code operation} was called on a thread where no Weft loop runs. */
  static String noRunningLoop(String operation) {
    return operation
        + " needs a running Weft loop, but none is running on thread '"
        + Thread.currentThread().getName()
        + "'. Call it from the code given to Weft.run(() -> ...), or from a task or callback of that"
        + " run.";
  }

  /**
   * {@code operation} was called on a thread that no run runs, while a run is going on: most likely
   * a thread the program started itself.
   */
  static String fromForeignThread(String operation) {
    return operation
        + " was called on thread '"
        + Thread.currentThread().getName()
        + "', which Weft does not run. Weft calls work only in a run's tasks (the code given to"
        + " Weft.run, a @WeftTest or @Explore body, and the tasks they spawn) and its callbacks, not on"
        + " threads started by other means (an executor, CompletableFuture.runAsync, new Thread)."
        + " Spawn a Weft task for that work instead.";
  }

  /** {@code what} (a task's or promise's method) was called outside the run it belongs to. */
  static String outsideOwnRun(String what) {
    return what
        + " was called on thread '"
        + Thread.currentThread().getName()
        + "', outside the Weft run it belongs to. Tasks and promises may only be used from the tasks"
        + " and callbacks of their own run.";
  }

  /** {@code what} was called from another run than the one {@code owner} (or it) belongs to. */
  static String fromOtherRun(String what, String owner) {
    return what
        + " was called from a different Weft run than the one "
        + (owner == null ? "it belongs to" : owner + " belongs to")
        + ". Tasks and promises cannot be shared between runs.";
  }

  /** {@code operation} was given a task or promise of another run. */
  static String taskOfOtherRun(String operation, String label) {
    return operation
        + ": "
        + label
        + " belongs to a different Weft run. Tasks and promises cannot be shared between runs.";
  }

  /** {@code operation} waits, so it needs a task, but a callback called it. */
  static String calledFromCallback(String operation) {
    return operation
        + " must be called from a task, but it was called from a callback (callSoon/callLater),"
        + " which runs outside any task and cannot wait. Spawn a task for work that waits.";
  }

  /** A primitive's {@code operation} may wait, but a callback called it. */
  static String primitiveFromCallback(String label, String operation) {
    return label
        + ": "
        + operation
        + "() may wait, so it must be called from a task, but it was called from a callback"
        + " (callSoon/callLater). Spawn a task for work that waits.";
  }

  /** A primitive that a run has used was called outside any run. */
  static String primitiveOutsideItsRun(String label, String operation) {
    return label
        + "."
        + operation
        + "() was called outside the Weft run it belongs to. Once a run has used a primitive,"
        + " only that run's tasks and callbacks may use it.";
  }

  /** A primitive was called from another run than its own. */
  static String primitiveFromOtherRun(String label, String operation) {
    return label
        + "."
        + operation
        + "() was called from a different Weft run than the one it belongs to (the run it was"
        + " created in, or else the first run that used it). Create queues, locks and events"
        + " inside the run that uses them, one set per run.";
  }

  /** {@code operation} (a run or an exploration) was called inside a run. */
  static String nestedRun(String operation, String task) {
    return operation
        + " was called inside a running Weft.run"
        + (task == null ? "" : " (from " + task + ")")
        + ". Runs cannot be nested: spawn a task with Weft.spawn, or call the code directly.";
  }

  /**
   * Weft itself went wrong: {@code what} happened.
   *
   * @param what the broken invariant, in a few words
   * @return the message
   */
  public static String internalError(String what) {
    return "Weft internal error: "
        + what
        + ". This is a bug in Weft; please report it with the program that caused it.";
  }

  /**
   * Returns {@code report} without the sentence that tells a plain run's user to run it again with
   * the same options; an exploration says how to replay instead.
   *
   * @param report a failure's message
   * @return the message without that sentence
   */
  public static String withoutRunAgain(String report) {
    return report.replace("\n" + Reports.REPRODUCE, "");
  }
}
