package dev.weft.internal;

import dev.weft.Task;

/**
 * What {@code dev.weft.Await} and the JDK-interface adapters ({@code dev.weft.Jdk}) need from the
 * loop beyond the primitives: the running task under the adapter's own name, and the running task
 * or {@code null} when a callback runs (an {@code unlock()} from a callback is not the owner's).
 *
 * <p>Internal: public only so that {@code dev.weft} can use it; not exported.
 */
public final class Adapters {
  private Adapters() {}

  /**
   * Returns the running task; throws the usual misuse errors naming {@code operation}.
   *
   * @param operation what the user called, for messages: {@code "Await.until"}
   * @return the running task
   * @throws IllegalStateException outside a run, or from a callback
   */
  public static Task<?> requireTask(String operation) {
    return RunningLoop.require(operation).runningTask(operation);
  }

  /**
   * Returns the task running on this thread, or {@code null} when none does (a callback runs, or no
   * run is going on here).
   *
   * @return the running task or {@code null}
   */
  public static Task<?> currentTaskOrNull() {
    Loop loop = RunningLoop.orNull();
    return loop == null ? null : loop.currentOrNull();
  }

  /**
   * Returns the virtual time now, in nanoseconds since the run started.
   *
   * @param operation what the user called, for messages
   * @return the loop's virtual time
   * @throws IllegalStateException outside a run
   */
  public static long now(String operation) {
    return RunningLoop.require(operation).now();
  }
}
