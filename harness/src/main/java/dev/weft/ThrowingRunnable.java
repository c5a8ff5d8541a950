package dev.weft;

/**
 * A task body that returns nothing and may throw any exception.
 *
 * <p>Used by {@link Weft#spawn(String, ThrowingRunnable)} so that a task body can call code that
 * throws checked exceptions without wrapping them. A checked exception thrown by the body fails the
 * task; whoever joins it receives a {@link TaskFailedException} whose cause is the original
 * exception.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ThrowingRunnable {
  /**
   * Runs the body.
   *
   * @throws Exception anything; it becomes the failure of the task that runs this body
   */
  void run() throws Exception;
}
