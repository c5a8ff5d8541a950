package dev.weft.samples.fanout;

import dev.weft.CancelledException;
import dev.weft.Task;
import dev.weft.TimedOutException;
import dev.weft.Weft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Hands each result to a consumer as soon as its task completes, until a deadline; at the deadline
 * the tasks still running are cancelled (and waited for), and the call says which ones were late.
 *
 * <p>The asyncio shape it follows:
 *
 * <pre>{@code
 * try:
 *     async for t in asyncio.as_completed(tasks, timeout=deadline):
 *         try: on_result(await t)
 *         except Exception: failed.append(t.get_name())
 * except TimeoutError:
 *     late = [t for t in tasks if not t.done()]
 *     for t in late: t.cancel()                     # as_completed does not cancel them
 *     await asyncio.gather(*late, return_exceptions=True)
 * }</pre>
 *
 * <p>A task that completes exactly at the deadline is late: asyncio's {@code as_completed} learns
 * of a completion one pass after it happens, and its timeout fires in the pass of the deadline
 * itself.
 */
public final class StreamedResults {
  private StreamedResults() {}

  /**
   * What the stream delivered by the deadline.
   *
   * @param delivered how many results reached the consumer
   * @param failed the names of the tasks that failed, in completion order
   * @param late the names of the tasks not handed out by the deadline, in argument order; those
   *     still running then are now cancelled and ended
   */
  public record Summary(int delivered, List<String> failed, List<String> late) {}

  /**
   * Passes each task's result to {@code onResult} in completion order, until every task is done or
   * {@code deadline} passes, then cancels the rest and waits for them to end.
   *
   * @param tasks the tasks, from the current run
   * @param deadline how long to stream, from now
   * @param onResult receives each result as its task completes
   * @param <T> the result type
   * @return what was delivered, what failed, and what was late
   */
  public static <T> Summary stream(
      List<Task<T>> tasks, Duration deadline, Consumer<? super T> onResult) {
    List<String> late = new ArrayList<>();
    int delivered = 0;
    List<String> failed = new ArrayList<>();
    Set<Task<T>> handled = Collections.newSetFromMap(new IdentityHashMap<>()); // membership only
    try {
      for (Task<T> done : Weft.asCompleted(tasks, deadline)) {
        handled.add(done);
        T result;
        try {
          result = done.join(); // done already: does not suspend
        } catch (RuntimeException | CancelledException failure) {
          failed.add(done.name());
          continue;
        }
        onResult.accept(result);
        delivered++;
      }
    } catch (TimedOutException deadlinePassed) {
      // Every task the stream did not hand out is late, even one that finished after the deadline
      // fired but before this task resumed: looking only at isDone() here would drop it silently.
      List<Task<T>> running = new ArrayList<>();
      for (Task<T> task : tasks) {
        if (!handled.contains(task)) {
          late.add(task.name());
          if (!task.isDone()) {
            running.add(task);
            task.cancel(); // asCompleted leaves them running: without this they would leak
          }
        }
      }
      Weft.gatherSettled(running);
    }
    return new Summary(delivered, List.copyOf(failed), List.copyOf(late));
  }
}
