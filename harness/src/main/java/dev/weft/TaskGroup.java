package dev.weft;

import java.util.concurrent.Callable;

/**
 * The tasks spawned inside one {@link Weft#taskGroup(ThrowingConsumer)} call; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.TaskGroup">TaskGroup</a>.
 *
 * <p>A group ends only when all its tasks have ended. If one of them fails, the group cancels the
 * others and the body, waits for them, and throws a {@link TaskGroupException} with every failure.
 * Tasks may spawn more tasks into the group while it waits.
 *
 * @since 0.1
 */
public interface TaskGroup {
  /**
   * Spawns a task into the group; see {@link Weft#spawn(String, Callable)}.
   *
   * @param name the name reports and traces use; not blank
   * @param body the task's body
   * @param <T> the result type
   * @return the task
   * @throws IllegalArgumentException if {@code name} is null or blank, or {@code body} is null
   * @throws IllegalStateException if the group has ended, or is shutting down because a task failed
   *     or it was cancelled
   */
  <T> Task<T> spawn(String name, Callable<T> body);

  /**
   * Spawns a task named {@code "Task-1"}, {@code "Task-2"}, ... into the group.
   *
   * @param body the task's body
   * @param <T> the result type
   * @return the task
   * @throws IllegalArgumentException if {@code body} is null
   * @throws IllegalStateException if the group has ended or is shutting down
   */
  <T> Task<T> spawn(Callable<T> body);

  /**
   * Spawns a task whose body returns nothing into the group.
   *
   * @param name the name reports and traces use; not blank
   * @param body the task's body
   * @return the task, whose result is {@code null}
   * @throws IllegalArgumentException if {@code name} is null or blank, or {@code body} is null
   * @throws IllegalStateException if the group has ended or is shutting down
   */
  Task<Void> spawn(String name, ThrowingRunnable body);

  /**
   * Spawns a task named {@code "Task-1"}, {@code "Task-2"}, ... whose body returns nothing into the
   * group.
   *
   * @param body the task's body
   * @return the task, whose result is {@code null}
   * @throws IllegalArgumentException if {@code body} is null
   * @throws IllegalStateException if the group has ended or is shutting down
   */
  Task<Void> spawn(ThrowingRunnable body);
}
