package dev.weft;

import java.util.List;

/**
 * Thrown by {@link Weft#taskGroup(ThrowingConsumer)} when tasks of the group, or its body, failed;
 * what asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.TaskGroup">TaskGroup</a>
 * raises as {@code ExceptionGroup('unhandled errors in a TaskGroup', ...)}.
 *
 * <p>{@link #exceptions()} holds every failure in the order they happened, the body's own failure
 * last; checked exceptions are kept as they were thrown, not wrapped. Cancelled tasks are not
 * failures. The first failure is also the cause and the others are suppressed exceptions, so a
 * stack trace shows them all. A failure of a nested group arrives as one {@code TaskGroupException}
 * inside another.
 *
 * @since 0.1
 */
public class TaskGroupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * The failures; not serialized: a deserialized copy rebuilds them from its cause and suppressed.
   */
  private final transient List<Throwable> exceptions;

  /**
   * Creates the exception.
   *
   * @param message says which tasks failed and how
   * @param exceptions the failures, in order; not empty
   */
  public TaskGroupException(String message, List<? extends Throwable> exceptions) {
    super(message, first(exceptions));
    this.exceptions = List.copyOf(exceptions);
    for (int i = 1; i < this.exceptions.size(); i++) {
      addSuppressed(this.exceptions.get(i));
    }
  }

  /**
   * Returns the failures, in the order they happened; the body's own failure, if any, is last.
   *
   * @return the failures, not empty
   */
  public List<Throwable> exceptions() {
    if (exceptions == null) { // deserialized: rebuild the list from the cause and the suppressed
      List<Throwable> rebuilt = new java.util.ArrayList<>();
      rebuilt.add(getCause());
      rebuilt.addAll(List.of(getSuppressed()));
      return List.copyOf(rebuilt);
    }
    return exceptions;
  }

  private static Throwable first(List<? extends Throwable> exceptions) {
    if (exceptions == null || exceptions.isEmpty()) {
      throw new IllegalArgumentException("exceptions must hold at least one failure");
    }
    return exceptions.get(0);
  }
}
