package dev.weft.samples.fanout;

import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.TimedOutException;
import dev.weft.WaitResult;
import dev.weft.Weft;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Bounds a slow call by a timeout without leaving its task behind: on timeout the task is
 * cancelled, and the call returns only once the task has ended (its cleanup included), then gives
 * the fallback.
 *
 * <p>Two ways, both asyncio's:
 *
 * <ul>
 *   <li>{@link #waitFor}: {@code await asyncio.wait_for(task, timeout)} on a task already running;
 *       at the timeout the task is cancelled and awaited.
 *   <li>{@link #withTimeout}: {@code async with asyncio.timeout(timeout): return await
 *       asyncio.create_task(call())}; at the timeout the calling task is cancelled, and its {@code
 *       join} passes the cancellation on to the task it waits for.
 * </ul>
 *
 * <p>What leaks, for contrast ({@link #leaky}): {@code asyncio.wait([task], timeout=...)} returns
 * at the timeout but neither cancels nor ends the task.
 */
public final class TimeoutWithoutLeak {
  private TimeoutWithoutLeak() {}

  /**
   * Waits for {@code task} at most {@code timeout}; on timeout the task is cancelled and ended, and
   * {@code fallback} is returned.
   *
   * @param task a running task of the current run
   * @param timeout how long to wait, positive
   * @param fallback what to return on timeout
   * @param <T> the result type
   * @return the task's result, or {@code fallback}
   */
  public static <T> T waitFor(Task<T> task, Duration timeout, T fallback) {
    try {
      return Weft.waitFor(task, timeout); // await asyncio.wait_for(task, timeout)
    } catch (TimedOutException e) { // except TimeoutError:
      return fallback; //     return fallback   (task is cancelled and done)
    }
  }

  /**
   * Runs {@code call} as a task named {@code name} and waits for it at most {@code timeout}; on
   * timeout the task is cancelled and ended, and {@code fallback} is returned.
   *
   * @param name the task's name, as reports show it
   * @param call the slow call
   * @param timeout how long to wait, positive
   * @param fallback what to return on timeout
   * @param <T> the result type
   * @return the call's result, or {@code fallback}
   */
  public static <T> T withTimeout(String name, Callable<T> call, Duration timeout, T fallback) {
    try {
      return Weft.withTimeout(timeout, () -> Weft.spawn(name, call).join()); // async with timeout:
    } catch (TimedOutException e) { //                     return await create_task(call())
      return fallback; // except TimeoutError: return fallback
    }
  }

  /**
   * The leak: waits for {@code task} at most {@code timeout} with {@code Weft.wait}, which neither
   * cancels nor ends it, and returns {@code fallback} while the task runs on. A {@code @WeftTest}
   * calling it fails with {@link dev.weft.LeftoverTasksException}.
   *
   * @param task a running task of the current run
   * @param timeout how long to wait, positive
   * @param fallback what to return on timeout
   * @param <T> the result type
   * @return the task's result, or {@code fallback} with the task still running
   */
  public static <T> T leaky(Task<T> task, Duration timeout, T fallback) {
    WaitResult<T> result = Weft.wait(List.of(task), ReturnWhen.ALL_COMPLETED, timeout);
    return result.done().isEmpty() ? fallback : task.result(); // task still running: leaked
  }
}
