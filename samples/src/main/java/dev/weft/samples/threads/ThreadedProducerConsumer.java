package dev.weft.samples.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed producer-consumer program on platform threads, as it is usually written without Weft: 2
 * producers ({@code "P0"}, {@code "P1"}) of 3 items each ({@code "P0-0"}, ...), 3 consumers ({@code
 * "C0"} to {@code "C2"}), an {@link ArrayBlockingQueue} of capacity 2, and one stop signal per
 * consumer. A coordinator thread plays the program's main and shuts down as the {@link Shutdown}
 * says.
 *
 * <pre>{@code
 * ThreadedProducerConsumer run = ThreadedProducerConsumer.start(Shutdown.AWAIT_PRODUCERS);
 * try {
 *   run.awaitFinished(Duration.ofSeconds(5));   // true: the correct version always finishes
 *   run.lost();                                 // []
 * } finally {
 *   run.stop();                                 // interrupts and joins every thread it started
 * }
 * }</pre>
 *
 * <p>Every thread is a daemon thread, so a run that hangs never keeps the JVM alive; {@link
 * #stop()} interrupts them and waits for them to end.
 */
public final class ThreadedProducerConsumer {
  /** The number of producers. */
  public static final int PRODUCERS = 2;

  /** The number of items each producer puts. */
  public static final int ITEMS_PER_PRODUCER = 3;

  /** The number of consumers, and of stop signals. */
  public static final int CONSUMERS = 3;

  /** The queue's capacity. */
  public static final int CAPACITY = 2;

  /** The stop signal: compared by identity, so no item can be mistaken for it. */
  private static final String STOP = new String("DONE");

  /** How the coordinator stops the consumers. */
  public enum Shutdown {
    /**
     * Correct: join the producers, then put one stop signal per consumer, then join the consumers.
     */
    AWAIT_PRODUCERS,
    /**
     * The bug: put the stop signals right after starting everyone, then join producers and
     * consumers. Items put after the last stop signal are lost, or the producers block on a full
     * queue with no consumer left and the program hangs.
     */
    SKIP_PRODUCER_AWAIT
  }

  private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final List<String> produced = Collections.synchronizedList(new ArrayList<>());
  private final List<String> consumed = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Throwable failure;
  private Thread coordinator;

  private ThreadedProducerConsumer() {}

  /**
   * Starts the program on new daemon threads and returns at once.
   *
   * @param shutdown how the coordinator stops the consumers
   * @return the running program
   */
  public static ThreadedProducerConsumer start(Shutdown shutdown) {
    ThreadedProducerConsumer run = new ThreadedProducerConsumer();
    run.launch(shutdown);
    return run;
  }

  private void launch(Shutdown shutdown) {
    coordinator =
        new Thread(
            () -> {
              try {
                coordinate(shutdown);
                finished.countDown();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopped: the run never finished
              } catch (RuntimeException | Error e) {
                failure = e;
              }
            },
            "main");
    coordinator.setDaemon(true);
    synchronized (threads) {
      threads.add(coordinator);
    }
    coordinator.start();
  }

  private void coordinate(Shutdown shutdown) throws InterruptedException {
    List<Thread> producers = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      String name = "P" + p;
      producers.add(startThread(name, () -> produce(name)));
    }
    List<Thread> consumers = new ArrayList<>();
    for (int c = 0; c < CONSUMERS; c++) {
      consumers.add(startThread("C" + c, this::consume));
    }
    if (shutdown == Shutdown.AWAIT_PRODUCERS) {
      for (Thread producer : producers) {
        producer.join(); // first every item...
      }
      putStopSignals(); // ...then one stop signal per consumer
      for (Thread consumer : consumers) {
        consumer.join();
      }
    } else {
      putStopSignals(); // the bug: the producers may not be done
      for (Thread producer : producers) {
        producer.join();
      }
      for (Thread consumer : consumers) {
        consumer.join();
      }
    }
  }

  private void putStopSignals() throws InterruptedException {
    for (int c = 0; c < CONSUMERS; c++) {
      queue.put(STOP);
    }
  }

  private void produce(String name) throws InterruptedException {
    for (int i = 0; i < ITEMS_PER_PRODUCER; i++) {
      String item = name + "-" + i;
      produced.add(item); // before the put, so an item stuck in a full queue still counts
      queue.put(item);
    }
  }

  private void consume() throws InterruptedException {
    for (String item = queue.take(); item != STOP; item = queue.take()) {
      consumed.add(item);
    }
  }

  /** A body that may be interrupted, which ends it quietly. */
  private interface Body {
    void run() throws InterruptedException;
  }

  private Thread startThread(String name, Body body) {
    Thread thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    thread.setDaemon(true);
    synchronized (threads) {
      threads.add(thread);
    }
    thread.start();
    return thread;
  }

  /**
   * Returns whether the coordinator has joined every thread, so the program has ended.
   *
   * @return whether the program finished
   */
  public boolean isFinished() {
    return finished.getCount() == 0;
  }

  /**
   * Waits up to {@code timeout} for the program to finish.
   *
   * @param timeout the longest real time to wait
   * @return whether it finished in time; false means it hangs (or is very slow)
   * @throws InterruptedException if the calling thread is interrupted
   */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Returns what the coordinator threw, if it failed other than by {@link #stop()}.
   *
   * @return the failure, or null
   */
  public Throwable failure() {
    return failure;
  }

  /**
   * Returns the items the producers made (each counted as it is about to be put), in order.
   *
   * @return a copy of the items produced
   */
  public List<String> produced() {
    synchronized (produced) {
      return List.copyOf(produced);
    }
  }

  /**
   * Returns the items the consumers took, in the order they took them.
   *
   * @return a copy of the items consumed
   */
  public List<String> consumed() {
    synchronized (consumed) {
      return List.copyOf(consumed);
    }
  }

  /**
   * Returns the items produced but not consumed, in the order they were produced.
   *
   * @return the items lost so far
   */
  public List<String> lost() {
    Set<String> taken = new HashSet<>(consumed()); // membership only
    List<String> lost = new ArrayList<>();
    for (String item : produced()) {
      if (!taken.contains(item)) {
        lost.add(item);
      }
    }
    return lost;
  }

  /**
   * Returns how many of the threads this program started are still alive.
   *
   * @return the number of live threads, 0 once everything has ended
   */
  public int liveThreads() {
    synchronized (threads) {
      return (int) threads.stream().filter(Thread::isAlive).count();
    }
  }

  /**
   * Interrupts every thread the program started and waits up to a second for each to end.
   *
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public void stop() throws InterruptedException {
    coordinator.interrupt(); // first, so that it starts no thread after the snapshot below
    coordinator.join(1000);
    List<Thread> all;
    synchronized (threads) {
      all = List.copyOf(threads);
    }
    for (Thread thread : all) {
      thread.interrupt();
    }
    for (Thread thread : all) {
      thread.join(1000);
    }
  }
}
