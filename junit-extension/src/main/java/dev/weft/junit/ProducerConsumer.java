package dev.weft.junit;

import dev.weft.Queue;
import dev.weft.QueueShutDownException;
import dev.weft.Task;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A ready-made producer-consumer program to try Weft's annotations and explorer on: producers put
 * items on a queue, consumers take them, and the program's main stops the consumers in one of
 * several ways ({@link Shutdown}), some correct and one with the classic bug. {@link #run()} runs
 * it in the current Weft run and says which items were produced, consumed and lost.
 *
 * <pre>{@code
 * @Explore(tries = 2_000)
 * void everyItemIsConsumed(ProducerConsumer program) {          // ProducerConsumer.seed()
 *   ProducerConsumer.Result result = program.shutdown(Shutdown.SKIP_PRODUCER_AWAIT).run();
 *   assertThat(result.lost()).isEmpty();    // fails: items lost, or a DeadlockException
 * }
 *
 * Weft.run(() -> ProducerConsumer.seed().run().consumed());
 * // [P0-0, P0-1, P0-2, P1-0, P1-1, P1-2]: asyncio's order, and 3 items each (choose gives 0)
 * }</pre>
 *
 * <p>What {@link #run()} does, in the calling task:
 *
 * <ol>
 *   <li>draws each producer's item count, in producer order, as {@code min + Weft.choose(max - min
 *       + 1)} (no choice is drawn when {@code min == max}): an exploration tries other counts, and
 *       shrinks a failure toward {@code min} items each;
 *   <li>creates a {@link Queue} named {@code "items"} with the configured capacity;
 *   <li>spawns the producers {@code "P0"}, {@code "P1"}, ..., each putting its items {@code
 *       "P0-0"}, {@code "P0-1"}, ... ({@code "P<producer>-<index>"}) with {@link Queue#put}, then
 *       the consumers {@code "C0"}, {@code "C1"}, ..., each taking items with {@link Queue#get};
 *   <li>shuts the program down as its {@link Shutdown} says, and returns what happened.
 * </ol>
 *
 * <p>The stop signal that sentinel styles put on the queue is one dedicated object, never a {@code
 * String}, so no item can be mistaken for it; its {@code toString()} is {@code "DONE"}, which is
 * how traces and timelines show it ({@code put DONE}, {@code got DONE}).
 *
 * <p>An immutable value: each configuring method returns a new fixture, and two fixtures with the
 * same configuration are equal. {@link #toString()} says the configuration in words.
 *
 * @since 0.1
 */
public final class ProducerConsumer {
  /** The name of the queue, as reports show it: {@code queue 'items'}. */
  private static final String QUEUE_NAME = "items";

  /** The stop signal: one object, compared by identity, that only the program's main puts. */
  private static final Object STOP =
      new Object() {
        @Override
        public String toString() {
          return "DONE";
        }
      };

  private static final ProducerConsumer SEED =
      new ProducerConsumer(2, 3, 7, 3, 2, Shutdown.AWAIT_PRODUCERS);

  /**
   * How the program's main stops the consumers once it has spawned everyone. Each constant says the
   * exact order of operations, and whether the program is correct: correct means that under every
   * schedule every item produced is consumed and the run ends without a deadlock.
   *
   * @since 0.1
   */
  public enum Shutdown {
    /**
     * Correct. Waits for the producers ({@code gather(P0, P1, ...)}), then puts one stop signal per
     * consumer, then waits for the consumers ({@code gather(C0, C1, ...)}). Each consumer stops at
     * the first stop signal it takes; since every item was put before the first stop signal and the
     * queue is first-in, first-out, every item is consumed before any consumer stops.
     */
    AWAIT_PRODUCERS,

    /**
     * The bug. Puts one stop signal per consumer right after spawning, without waiting for the
     * producers, then waits for producers and consumers together ({@code gather(P0, P1, ..., C0,
     * C1, ...)}). Each consumer stops at the first stop signal it takes, so items put after the
     * last stop signal are never consumed. With a bounded queue the run deadlocks when more items
     * come after the last stop signal than the queue holds: the producers wait in {@code put} with
     * no consumer left, and the run throws {@link dev.weft.DeadlockException}. Otherwise (always,
     * with an unbounded queue) the run returns, and those items, still in the queue, are
     * {@linkplain Result#lost() lost}. Which outcome happens depends on the schedule and the item
     * counts; in asyncio's order, {@link ProducerConsumer#seed()} deadlocks.
     */
    SKIP_PRODUCER_AWAIT,

    /**
     * Correct. The consumers mark each item done ({@link Queue#taskDone()}) after taking it. Main
     * waits for the producers, then for every item to be marked done ({@link Queue#join()}), then
     * cancels the consumers and waits for them to end ({@code gatherSettled}). This is the workers
     * example of asyncio's queue documentation. No stop signal is used; a consumer that ends other
     * than by its cancellation makes {@link #run()} throw its failure.
     */
    JOIN_THEN_CANCEL,

    /**
     * Correct. Main waits for the producers, then shuts the queue down ({@link Queue#shutdown()},
     * asyncio 3.13's {@code Queue.shutdown}), then waits for the consumers. A consumer keeps taking
     * items until {@code get} throws {@link QueueShutDownException}, which it does only once the
     * queue is shut down and empty. No stop signal is used.
     */
    QUEUE_SHUTDOWN
  }

  /**
   * What one {@link ProducerConsumer#run()} did. Each list is unmodifiable and holds item names
   * ({@code "P0-0"}, ...), never the stop signal. Two results are equal when their lists are.
   *
   * @since 0.1
   */
  public interface Result {
    /**
     * Returns every item put on the queue, in the order the puts happened.
     *
     * @return the items produced
     */
    List<String> produced();

    /**
     * Returns every item a consumer took, in the order they were taken.
     *
     * @return the items consumed
     */
    List<String> consumed();

    /**
     * Returns the items produced but never consumed, in the order they were produced; empty when
     * the program is correct.
     *
     * @return the items lost
     */
    List<String> lost();
  }

  private final int producers;
  private final int minItems;
  private final int maxItems;
  private final int consumers;
  private final int capacity;
  private final Shutdown shutdown;

  private ProducerConsumer(
      int producers, int minItems, int maxItems, int consumers, int capacity, Shutdown shutdown) {
    this.producers = producers;
    this.minItems = minItems;
    this.maxItems = maxItems;
    this.consumers = consumers;
    this.capacity = capacity;
    this.shutdown = shutdown;
  }

  /**
   * Returns the program of the examples: 2 producers of 3 to 7 items each (drawn by {@link
   * Weft#choose}), 3 consumers, a queue of capacity 2, and {@link Shutdown#AWAIT_PRODUCERS}.
   *
   * <pre>{@code
   * ProducerConsumer buggy = ProducerConsumer.seed().shutdown(Shutdown.SKIP_PRODUCER_AWAIT);
   * }</pre>
   *
   * @return the seed program
   */
  public static ProducerConsumer seed() {
    return SEED;
  }

  /**
   * Returns this program with {@code n} producers, named {@code "P0"} to {@code "P<n-1>"}.
   *
   * @param n how many producers, 1 or more
   * @return a new program
   * @throws IllegalArgumentException if {@code n} is less than 1
   */
  public ProducerConsumer producers(int n) {
    requireAtLeast(n, 1, "producers");
    return new ProducerConsumer(n, minItems, maxItems, consumers, capacity, shutdown);
  }

  /**
   * Returns this program with each producer making {@code min} to {@code max} items, its count
   * drawn as {@code min + Weft.choose(max - min + 1)}; {@code items(3, 3)} fixes the count and
   * draws nothing.
   *
   * <pre>{@code
   * ProducerConsumer.seed().items(1, 2)   // each producer makes 1 or 2 items
   * }</pre>
   *
   * @param min the fewest items a producer makes, 0 or more
   * @param max the most, {@code min} or more (and less than {@code min + Integer.MAX_VALUE})
   * @return a new program
   * @throws IllegalArgumentException if {@code min} is negative, {@code max} is less than {@code
   *     min}, or the range holds more than {@code Integer.MAX_VALUE} counts
   */
  public ProducerConsumer items(int min, int max) {
    requireAtLeast(min, 0, "min");
    if (max < min) {
      throw new IllegalArgumentException("max must be min (" + min + ") or more, but was " + max);
    }
    if ((long) max - min + 1 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "max must be less than min + "
              + Integer.MAX_VALUE
              + " (Weft.choose draws from at most that many values), but was "
              + max
              + " with min "
              + min);
    }
    return new ProducerConsumer(producers, min, max, consumers, capacity, shutdown);
  }

  /**
   * Returns this program with {@code n} consumers, named {@code "C0"} to {@code "C<n-1>"}.
   *
   * @param n how many consumers, 1 or more
   * @return a new program
   * @throws IllegalArgumentException if {@code n} is less than 1
   */
  public ProducerConsumer consumers(int n) {
    requireAtLeast(n, 1, "consumers");
    return new ProducerConsumer(producers, minItems, maxItems, n, capacity, shutdown);
  }

  /**
   * Returns this program with a queue that holds {@code n} items before {@code put} waits; 0 makes
   * it unbounded.
   *
   * @param n the capacity, 0 (unbounded) or more
   * @return a new program
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public ProducerConsumer capacity(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("capacity must be 0 (unbounded) or more, but was " + n);
    }
    return new ProducerConsumer(producers, minItems, maxItems, consumers, n, shutdown);
  }

  /**
   * Returns this program with another way to stop the consumers.
   *
   * @param s the shutdown style, not null
   * @return a new program
   * @throws IllegalArgumentException if {@code s} is null
   */
  public ProducerConsumer shutdown(Shutdown s) {
    if (s == null) {
      throw new IllegalArgumentException("shutdown must not be null");
    }
    return new ProducerConsumer(producers, minItems, maxItems, consumers, capacity, s);
  }

  /**
   * Returns how many producers the program spawns.
   *
   * @return 1 or more
   */
  public int producers() {
    return producers;
  }

  /**
   * Returns the fewest items a producer makes: what it makes when its {@link Weft#choose} returns
   * 0, as in a plain run.
   *
   * @return 0 or more
   */
  public int minItems() {
    return minItems;
  }

  /**
   * Returns the most items a producer makes.
   *
   * @return {@link #minItems()} or more
   */
  public int maxItems() {
    return maxItems;
  }

  /**
   * Returns how many consumers the program spawns.
   *
   * @return 1 or more
   */
  public int consumers() {
    return consumers;
  }

  /**
   * Returns the queue's capacity.
   *
   * @return 0 (unbounded) or more
   */
  public int capacity() {
    return capacity;
  }

  /**
   * Returns how the program stops its consumers.
   *
   * @return the shutdown style
   */
  public Shutdown shutdown() {
    return shutdown;
  }

  /**
   * Runs the program in the calling task of the current Weft run: draws the item counts, spawns the
   * producers and consumers, shuts down as configured, and returns once every task it spawned has
   * ended. Call it from a {@link WeftTest} or {@link Explore} method, or from the code given to
   * {@link Weft#run(java.util.concurrent.Callable) Weft.run}.
   *
   * <pre>{@code
   * ProducerConsumer.Result result = Weft.run(() -> ProducerConsumer.seed().run());
   * result.produced();   // [P0-0, P0-1, P0-2, P1-0, P1-1, P1-2]
   * result.lost();       // []
   * }</pre>
   *
   * <p>A deadlock is not a result: like every deadlocked Weft run, the run throws {@link
   * dev.weft.DeadlockException} (possible only with {@link Shutdown#SKIP_PRODUCER_AWAIT}).
   *
   * @return what the run produced, consumed and lost
   * @throws IllegalStateException if not called from a task of a Weft run (outside any run, or from
   *     a callback)
   * @throws dev.weft.CancelledException if the calling task is cancelled while it waits
   */
  public Result run() {
    requireTask();
    int[] counts = new int[producers];
    for (int p = 0; p < producers; p++) {
      counts[p] = minItems + Weft.choose(maxItems - minItems + 1);
    }
    Queue<Object> queue = new Queue<>(QUEUE_NAME, capacity);
    List<String> produced = new ArrayList<>();
    List<String> consumed = new ArrayList<>();
    List<Task<Void>> producerTasks = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      String name = "P" + p;
      int count = counts[p];
      producerTasks.add(
          Weft.spawn(
              name,
              () -> {
                for (int i = 0; i < count; i++) {
                  String item = name + "-" + i;
                  queue.put(item);
                  Weft.touch("produced"); // for exhaustive(k, declared): tasks share this list
                  produced.add(item); // put returns right after storing the item: no switch between
                }
              }));
    }
    List<Task<Void>> consumerTasks = new ArrayList<>();
    for (int c = 0; c < consumers; c++) {
      consumerTasks.add(Weft.spawn("C" + c, () -> consume(queue, consumed)));
    }
    switch (shutdown) {
      case AWAIT_PRODUCERS:
        Weft.gather(producerTasks);
        putStopSignals(queue);
        Weft.gather(consumerTasks);
        break;
      case SKIP_PRODUCER_AWAIT:
        putStopSignals(queue);
        List<Task<Void>> everyone = new ArrayList<>(producerTasks);
        everyone.addAll(consumerTasks);
        Weft.gather(everyone);
        break;
      case JOIN_THEN_CANCEL:
        Weft.gather(producerTasks);
        queue.join();
        for (Task<Void> consumer : consumerTasks) {
          consumer.cancel();
        }
        Weft.gatherSettled(consumerTasks);
        for (Task<Void> consumer : consumerTasks) {
          if (!consumer.isCancelled()) {
            consumer.join(); // it ended some other way: throw its failure, as a gather would
          }
        }
        break;
      case QUEUE_SHUTDOWN:
        Weft.gather(producerTasks);
        queue.shutdown();
        Weft.gather(consumerTasks);
        break;
    }
    return new Finished(produced, consumed);
  }

  /** A consumer's body: takes items until the style's end, recording each item taken. */
  private void consume(Queue<Object> queue, List<String> consumed) {
    while (true) {
      Object item;
      try {
        item = queue.get();
      } catch (QueueShutDownException e) {
        if (shutdown == Shutdown.QUEUE_SHUTDOWN) {
          return; // shut down and empty: the only way this style ends a consumer
        }
        throw e;
      }
      if (item == STOP) {
        return;
      }
      Weft.touch("consumed"); // for exhaustive(k, declared): tasks share this list
      consumed.add((String) item);
      if (shutdown == Shutdown.JOIN_THEN_CANCEL) {
        queue.taskDone();
      }
    }
  }

  private void putStopSignals(Queue<Object> queue) {
    for (int c = 0; c < consumers; c++) {
      queue.put(STOP);
    }
  }

  /**
   * Throws unless the caller is a task of a running Weft run, naming {@link #run()}; Weft's own
   * error (outside any run, or in a callback) is the cause.
   */
  private static void requireTask() {
    try {
      Weft.elapsed();
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "ProducerConsumer.run() needs a running Weft loop, but none is running on thread '"
              + Thread.currentThread().getName()
              + "'. Call it from a @WeftTest or @Explore method, or from the code given to"
              + " Weft.run(() -> ...).",
          e);
    }
    try {
      Weft.current();
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "ProducerConsumer.run() must be called from a task, but it was called from a callback"
              + " (callSoon/callLater), which runs outside any task and cannot wait for the tasks it"
              + " spawns. Call it from the run's main or from a task it spawns.",
          e);
    }
  }

  private static void requireAtLeast(int value, int min, String argument) {
    if (value < min) {
      throw new IllegalArgumentException(
          argument + " must be " + min + " or more, but was " + value);
    }
  }

  /**
   * Says the configuration in words, for reports: {@code "ProducerConsumer: 2 producers of 3 to 7
   * items each, 3 consumers, a queue of capacity 2, shutdown AWAIT_PRODUCERS"}.
   *
   * @return the configuration
   */
  @Override
  public String toString() {
    String items =
        minItems == maxItems
            ? minItems + (maxItems == 1 ? " item" : " items")
            : minItems + " to " + maxItems + " items";
    return "ProducerConsumer: "
        + producers
        + (producers == 1 ? " producer of " + items : " producers of " + items + " each")
        + ", "
        + consumers
        + (consumers == 1 ? " consumer" : " consumers")
        + ", "
        + (capacity == 0 ? "an unbounded queue" : "a queue of capacity " + capacity)
        + ", shutdown "
        + shutdown;
  }

  /**
   * Returns whether {@code other} is a program with the same configuration.
   *
   * @param other the object to compare with
   * @return whether every setting is equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof ProducerConsumer that
        && producers == that.producers
        && minItems == that.minItems
        && maxItems == that.maxItems
        && consumers == that.consumers
        && capacity == that.capacity
        && shutdown == that.shutdown;
  }

  /**
   * Returns a hash of the configuration, consistent with {@link #equals}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(producers, minItems, maxItems, consumers, capacity, shutdown);
  }

  /** The result of one run: copies of its lists, and the lost items worked out from them. */
  private record Finished(List<String> produced, List<String> consumed, List<String> lost)
      implements Result {
    Finished(List<String> produced, List<String> consumed) {
      this(List.copyOf(produced), List.copyOf(consumed), lost(produced, consumed));
    }

    private static List<String> lost(List<String> produced, List<String> consumed) {
      Set<String> taken = new HashSet<>(consumed); // membership only: no iteration over hash order
      List<String> lost = new ArrayList<>();
      for (String item : produced) {
        if (!taken.contains(item)) {
          lost.add(item);
        }
      }
      return List.copyOf(lost);
    }

    @Override
    public String toString() {
      return "produced " + produced + ", consumed " + consumed + ", lost " + lost;
    }
  }
}
