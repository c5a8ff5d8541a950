package dev.weft;

/**
 * A unit of concurrent work on a Weft loop, the counterpart of asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.Task">Task</a>.
 *
 * <p>A task is created by {@link Weft#spawn(String, java.util.concurrent.Callable)}; its body does
 * not start until the task that spawned it suspends, as with asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.create_task">create_task</a>.
 * Tasks run one at a time: control passes between them only inside Weft calls, so the code between
 * two Weft calls is atomic.
 *
 * <p>A {@code Task} is used only from the tasks and callbacks of the loop that created it. Once its
 * run has ended, {@link #isDone()}, {@link #isCancelled()} and {@link #result()} may be read from
 * any thread.
 *
 * <pre>{@code
 * int answer = Weft.run(() -> {
 *   Task<Integer> t = Weft.spawn("worker", () -> 6 * 7);
 *   return t.join();        // 42
 * });
 * }</pre>
 *
 * @param <T> the type of the task's result
 * @since 0.1
 */
public interface Task<T> {

  /**
   * Returns the task's name, as given to {@code spawn} or generated ({@code "Task-1"}, {@code
   * "Task-2"}, ...). The task that runs the body given to {@link Weft#run} is named {@code "main"}.
   *
   * @return the name used in reports and traces
   */
  String name();

  /**
   * Waits until this task is done and returns its result; the asyncio {@code await task}.
   *
   * <p>Suspends the calling task only if this task is not done yet. If this task failed with an
   * unchecked exception, that same exception instance is thrown; a checked one arrives wrapped in a
   * {@link TaskFailedException}. If this task was cancelled, a new {@link CancelledException} is
   * thrown. If the calling task is cancelled while it waits, this task is cancelled too, as asyncio
   * passes a cancellation on to what a task awaits (see <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.Task.cancel">Task.cancel</a>),
   * unless this task was wrapped with {@link Weft#shield(Task)}.
   *
   * @return the task's result
   * @throws IllegalStateException if called outside a task of this task's loop, or by the task on
   *     itself
   */
  T join();

  /**
   * Returns whether the task has finished: with a result, a failure, or cancelled.
   *
   * @return {@code true} once the task is done
   */
  boolean isDone();

  /**
   * Returns whether the task is done and ended cancelled: a {@link CancelledException} escaped its
   * body, or it was cancelled before it started. A task that caught the cancellation and returned
   * normally is not cancelled, as with asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.Task.cancelled">Task.cancelled()</a>.
   *
   * @return {@code true} if the task ended cancelled
   */
  boolean isCancelled();

  /**
   * Requests cancellation; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.Task.cancel">Task.cancel()</a>.
   *
   * <p>The task is not stopped at once: a {@link CancelledException} is thrown at its current (or
   * next) suspension point, where its code may catch it. A task that has not started yet never runs
   * its body. As in asyncio, the cancellation is passed on to what the task waits on: a task it
   * joins is cancelled too, and so is a promise it joins, for every other task waiting on that
   * promise (wrap it in {@link Weft#shield(Task)} to prevent that).
   *
   * @return {@code false} if the task is already done, {@code true} otherwise (every time it is
   *     called)
   */
  boolean cancel();

  /**
   * Returns the result of a task that is done, without waiting.
   *
   * @return the result
   * @throws IllegalStateException if the task is not done yet
   * @throws CancelledException if the task was cancelled
   * @throws TaskFailedException if the task failed with a checked exception (the cause); an
   *     unchecked failure is rethrown as is
   */
  T result();
}
