package dev.weft.samples.seed;

import dev.weft.Queue;
import dev.weft.QueueShutDownException;
import dev.weft.Task;
import dev.weft.Weft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed program: asyncio's producer-consumer, written line by line as the Python original, with
 * one method per way of stopping the consumers (the styles of {@code
 * dev.weft.junit.ProducerConsumer.Shutdown}).
 *
 * <p>The Python original (correct version), which each method mirrors; every Java line carries a
 * comment with the Python line it stands for:
 *
 * <pre>{@code
 * async def produce(queue, name, count):
 *     for i in range(count):
 *         if put_delay: await asyncio.sleep(put_delay)
 *         await queue.put(f"{name}{i}")
 *
 * async def consume(queue, processed):
 *     while (item := await queue.get()) != "DONE":
 *         processed.append(item)
 *         if work: await asyncio.sleep(work)
 *
 * async def main():
 *     processed = []
 *     queue = asyncio.Queue(maxsize=2)
 *     producers = [asyncio.create_task(produce(queue, "A", 3)),
 *                  asyncio.create_task(produce(queue, "B", 2))]
 *     consumers = [asyncio.create_task(consume(queue, processed)) for _ in range(3)]
 *     await asyncio.gather(*producers)
 *     for _ in consumers:
 *         await queue.put("DONE")
 *     await asyncio.gather(*consumers)
 *     return processed
 * }</pre>
 *
 * <p>The four endings, each a method returning the items processed, in the order they were taken:
 *
 * <ul>
 *   <li>{@link #awaitProducers()}: correct; the program above.
 *   <li>{@link #skipProducerAwait()}: <b>the bug</b>. It puts the stop signals without waiting for
 *       the producers, then gathers producers and consumers together. A consumer stops at the first
 *       {@code DONE} it takes, so items put after the last {@code DONE} are never processed; with a
 *       bounded queue the producers then fill it and wait in {@code put} forever, and the run
 *       throws {@link dev.weft.DeadlockException}. In asyncio's own order, with the seed's counts,
 *       it deadlocks at once.
 *   <li>{@link #joinThenCancel()}: correct; the workers example of asyncio's queue documentation:
 *       consumers call {@code taskDone()}, main waits for the producers, then {@code queue.join()},
 *       then cancels the consumers and gathers them with {@code return_exceptions=True}.
 *   <li>{@link #queueShutdown()}: correct; Python 3.13's {@code queue.shutdown()}: consumers take
 *       items until {@code get} raises {@code QueueShutDown}, which happens only once the queue is
 *       shut down and empty.
 * </ul>
 *
 * <p>Exploring the bug ({@code SeedBugTests}: an {@code @Explore} of {@link #skipProducerAwait()}
 * with 1 to 3 items per producer drawn by {@code Weft.choose}) fails on the first try and shrinks
 * to asyncio's own order with one item each; the report opens:
 *
 * <pre>
 * Weft found a failing schedule on try 1 of 1000 (Strategy.random(), seed 0).
 *
 * Failure:
 *   java.lang.AssertionError: processed [] but the producers made [A0, B0]
 *
 * Minimal schedule (0 choices, shrunk from 9 in 1 replay):
 *   ""  (empty: asyncio's own order, and 0 from every Weft.choose)
 *
 * Replay it:
 *   &#64;Replay("")
 *   Put this line on SeedBugTestCase#everyItemIsProcessed() to run exactly this schedule, once.
 *
 * Timeline of the minimal run (one row per task; #n is the run's n-th step,
 * * a step picked out of asyncio's order):
 *   main  #1 &#64;0s choose(3) returned 0; choose(3) returned 0; put DONE; put DONE; waits in put on queue 'items' (full, 2/2)
 *         #7 put DONE; waits in gather(A, B, C0, C1, C2), waiting for A
 *         #11 FAILED: java.lang.AssertionError: processed [] but the producers made [A0, B0]
 *   A     #2 &#64;0s waits in put on queue 'items' (full, 2/2) | #8 put A0; returned
 *   B     #3 &#64;0s waits in put on queue 'items' (full, 2/2) | #10 put B0; returned
 *   C0    #4 &#64;0s got DONE; returned
 *   C1    #5 &#64;0s got DONE; returned
 *   C2    #6 &#64;0s waits in get on queue 'items' (empty, 0/2) | #9 got DONE; returned
 * </pre>
 *
 * <p>The consumers take the three stop signals before any item and end; the producers' items stay
 * in the queue. With the seed's counts (3 and 2) the producers then fill the queue and the run
 * deadlocks instead.
 *
 * <p>Each method must be called from a task of a Weft run ({@code Weft.run}, a {@code @WeftTest} or
 * {@code @Explore} body). A program is an immutable value: the item counts, the queue's capacity,
 * and optional latencies.
 */
public final class SeedProgram {
  /** The stop signal, as in the Python original: no item is named {@code "DONE"}. */
  public static final String DONE = "DONE";

  /** The program of the README and of semantics §4: A makes 3 items, B 2, a queue of 2. */
  public static final SeedProgram SEED = new SeedProgram(3, 2, 2, Duration.ZERO, Duration.ZERO);

  private static final int CONSUMERS = 3;

  private final int itemsOfA;
  private final int itemsOfB;
  private final int maxsize;
  private final Duration putDelay;
  private final Duration work;

  private SeedProgram(int itemsOfA, int itemsOfB, int maxsize, Duration putDelay, Duration work) {
    if (itemsOfA < 0 || itemsOfB < 0 || maxsize < 0) {
      throw new IllegalArgumentException(
          "item counts and maxsize must be 0 or more, but were "
              + itemsOfA
              + ", "
              + itemsOfB
              + " and "
              + maxsize);
    }
    this.itemsOfA = itemsOfA;
    this.itemsOfB = itemsOfB;
    this.maxsize = maxsize;
    this.putDelay = putDelay;
    this.work = work;
  }

  /**
   * Returns a program whose producer A makes {@code itemsOfA} items and B {@code itemsOfB}, on a
   * queue of {@code maxsize} (0: unbounded), with no latency.
   *
   * @param itemsOfA items A puts ({@code A0}, {@code A1}, ...), 0 or more
   * @param itemsOfB items B puts ({@code B0}, ...), 0 or more
   * @param maxsize the queue's capacity, 0 (unbounded) or more
   * @return the program
   * @throws IllegalArgumentException if an argument is negative
   */
  public static SeedProgram of(int itemsOfA, int itemsOfB, int maxsize) {
    return new SeedProgram(itemsOfA, itemsOfB, maxsize, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Returns this program with virtual latencies: each producer sleeps {@code putDelay} before each
   * put, each consumer sleeps {@code work} after taking each item. A zero latency does not sleep.
   *
   * @param putDelay the time to make an item, zero or more
   * @param work the time to process an item, zero or more
   * @return a new program
   */
  public SeedProgram withLatency(Duration putDelay, Duration work) {
    return new SeedProgram(itemsOfA, itemsOfB, maxsize, putDelay, work);
  }

  /**
   * Returns the items the producers put when every put succeeds: {@code A0, A1, ..., B0, ...}.
   *
   * @return every item, producer A's first
   */
  public List<String> items() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < itemsOfA; i++) {
      items.add("A" + i);
    }
    for (int i = 0; i < itemsOfB; i++) {
      items.add("B" + i);
    }
    return List.copyOf(items);
  }

  /**
   * Correct: waits for the producers, then puts one {@code DONE} per consumer, then waits for the
   * consumers. Every item is put before the first {@code DONE} on a first-in, first-out queue, so
   * every item is processed in every schedule.
   *
   * @return the items processed, in the order consumers took them
   */
  public List<String> awaitProducers() {
    List<String> processed = new ArrayList<>(); // processed = []
    Queue<String> queue = new Queue<>("items", maxsize); // queue = asyncio.Queue(maxsize=2)
    List<Task<Void>> producers = spawnProducers(queue); // producers = [create_task(produce(...))..]
    List<Task<Void>> consumers = spawnConsumers(queue, processed); // consumers = [create_task(...)]
    Weft.gather(producers); // await asyncio.gather(*producers)
    for (int c = 0; c < CONSUMERS; c++) { // for _ in consumers:
      queue.put(DONE); //     await queue.put("DONE")
    }
    Weft.gather(consumers); // await asyncio.gather(*consumers)
    return processed; // return processed
  }

  /**
   * <b>The bug</b>: puts one {@code DONE} per consumer right after spawning, then waits for
   * producers and consumers together. Items put after the last {@code DONE} are never processed;
   * with a bounded queue the producers then block in {@code put} with no consumer left, and the run
   * throws {@link dev.weft.DeadlockException}. Whether items are lost, the run deadlocks, or all is
   * well depends on the schedule and the counts.
   *
   * @return the items processed, when the run does not deadlock
   */
  public List<String> skipProducerAwait() {
    List<String> processed = new ArrayList<>(); // processed = []
    Queue<String> queue = new Queue<>("items", maxsize); // queue = asyncio.Queue(maxsize=2)
    List<Task<Void>> producers = spawnProducers(queue); // producers = [create_task(produce(...))..]
    List<Task<Void>> consumers = spawnConsumers(queue, processed); // consumers = [create_task(...)]
    for (int c = 0; c < CONSUMERS; c++) { // for _ in consumers:
      queue.put(DONE); //     await queue.put("DONE")   # the producers may not be done
    }
    List<Task<Void>> everyone = new ArrayList<>(producers); // producers + consumers
    everyone.addAll(consumers);
    Weft.gather(everyone); // await asyncio.gather(*producers, *consumers)
    return processed; // return processed
  }

  /**
   * Correct: consumers mark each item done; main waits for the producers, then for every item to be
   * marked done, then cancels the consumers and waits until they have ended. No stop signal.
   *
   * @return the items processed, in the order consumers took them
   */
  public List<String> joinThenCancel() {
    List<String> processed = new ArrayList<>(); // processed = []
    Queue<String> queue = new Queue<>("items", maxsize); // queue = asyncio.Queue(maxsize=2)
    List<Task<Void>> producers = spawnProducers(queue); // producers = [create_task(produce(...))..]
    List<Task<Void>> consumers = new ArrayList<>(); // consumers = [create_task(work(queue, ...))
    for (int c = 0; c < CONSUMERS; c++) { //              for _ in range(3)]
      consumers.add(Weft.spawn("C" + c, () -> consumeMarkingDone(queue, processed)));
    }
    Weft.gather(producers); // await asyncio.gather(*producers)
    queue.join(); // await queue.join()
    for (Task<Void> consumer : consumers) { // for c in consumers:
      consumer.cancel(); //     c.cancel()
    }
    Weft.gatherSettled(consumers); // await asyncio.gather(*consumers, return_exceptions=True)
    return processed; // return processed
  }

  /**
   * Correct: waits for the producers, shuts the queue down, then waits for the consumers, which
   * take items until the queue is shut down and empty. No stop signal.
   *
   * @return the items processed, in the order consumers took them
   */
  public List<String> queueShutdown() {
    List<String> processed = new ArrayList<>(); // processed = []
    Queue<String> queue = new Queue<>("items", maxsize); // queue = asyncio.Queue(maxsize=2)
    List<Task<Void>> producers = spawnProducers(queue); // producers = [create_task(produce(...))..]
    List<Task<Void>> consumers = new ArrayList<>(); // consumers = [create_task(drain(queue, ...))
    for (int c = 0; c < CONSUMERS; c++) { //              for _ in range(3)]
      consumers.add(Weft.spawn("C" + c, () -> consumeUntilShutDown(queue, processed)));
    }
    Weft.gather(producers); // await asyncio.gather(*producers)
    queue.shutdown(); // queue.shutdown()
    Weft.gather(consumers); // await asyncio.gather(*consumers)
    return processed; // return processed
  }

  private List<Task<Void>> spawnProducers(Queue<String> queue) {
    return List.of( // [asyncio.create_task(produce(queue, "A", 3), name="A"),
        Weft.spawn("A", () -> produce(queue, "A", itemsOfA)),
        Weft.spawn("B", () -> produce(queue, "B", itemsOfB))); //  create_task(produce(.. "B", 2))]
  }

  private List<Task<Void>> spawnConsumers(Queue<String> queue, List<String> processed) {
    List<Task<Void>> consumers =
        new ArrayList<>(); // [asyncio.create_task(consume(queue, processed),
    for (int c = 0; c < CONSUMERS; c++) { //             name=f"C{c}") for c in range(3)]
      consumers.add(Weft.spawn("C" + c, () -> consume(queue, processed)));
    }
    return consumers;
  }

  private void produce(Queue<String> queue, String name, int count) { // async def produce(...):
    for (int i = 0; i < count; i++) { // for i in range(count):
      pause(putDelay); //     if put_delay: await asyncio.sleep(put_delay)
      queue.put(name + i); //     await queue.put(f"{name}{i}")
    }
  }

  private void consume(Queue<String> queue, List<String> processed) { // async def consume(...):
    for (String item = queue.get(); // while (item := await queue.get())
        !item.equals(DONE); //        != "DONE":
        item = queue.get()) {
      processed.add(item); //     processed.append(item)
      pause(work); //     if work: await asyncio.sleep(work)
    }
  }

  private void consumeMarkingDone(Queue<String> queue, List<String> processed) { // async def work:
    while (true) { // while True:
      String item = queue.get(); //     item = await queue.get()
      processed.add(item); //     processed.append(item)
      pause(work); //     if work: await asyncio.sleep(work)
      queue.taskDone(); //     queue.task_done()
    }
  }

  private void consumeUntilShutDown(
      Queue<String> queue, List<String> processed) { // async def drain
    try { // try:
      while (true) { //     while True:
        processed.add(queue.get()); //         processed.append(await queue.get())
        pause(work); //         if work: await asyncio.sleep(work)
      }
    } catch (QueueShutDownException e) { // except asyncio.QueueShutDown:
      return; //     return
    }
  }

  private static void pause(Duration delay) {
    if (!delay.isZero()) { // if delay:
      Weft.sleep(delay); //     await asyncio.sleep(delay)
    }
  }

  /**
   * Says the configuration: {@code "SeedProgram[A makes 3, B makes 2, maxsize 2]"}.
   *
   * @return the configuration in words
   */
  @Override
  public String toString() {
    return "SeedProgram[A makes "
        + itemsOfA
        + ", B makes "
        + itemsOfB
        + ", maxsize "
        + maxsize
        + (putDelay.isZero() && work.isZero() ? "" : ", putDelay " + putDelay + ", work " + work)
        + "]";
  }
}
