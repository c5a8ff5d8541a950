package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.explore.Counterexample;
import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.Test;

/**
 * Classic bugs in code written for threads against the JDK's interfaces, found by the explorer once
 * the code is handed {@link Jdk} implementations, and their fixes passing.
 */
class JdkExplorationTests {

  /**
   * The bounded buffer of {@code Condition}'s javadoc, as a class written for threads would have
   * it: it takes a {@link Lock} and knows nothing of Weft. The buggy form checks its condition with
   * {@code if} instead of {@code while}, so a consumer woken by a signal proceeds even when another
   * consumer took the item before it got the lock back.
   */
  static final class BoundedBuffer<T> {
    private final Lock lock;
    private final Condition notFull;
    private final Condition notEmpty;
    private final Deque<T> items = new ArrayDeque<>();
    private final int capacity;
    private final boolean whileLoops;

    BoundedBuffer(Lock lock, int capacity, boolean whileLoops) {
      this.lock = lock;
      this.notFull = lock.newCondition();
      this.notEmpty = lock.newCondition();
      this.capacity = capacity;
      this.whileLoops = whileLoops;
    }

    void put(T item) throws InterruptedException {
      lock.lock();
      try {
        if (whileLoops) {
          while (items.size() == capacity) {
            notFull.await();
          }
        } else if (items.size() == capacity) {
          notFull.await();
        }
        items.addLast(item);
        notEmpty.signal();
      } finally {
        lock.unlock();
      }
    }

    T take() throws InterruptedException {
      lock.lock();
      try {
        if (whileLoops) {
          while (items.isEmpty()) {
            notEmpty.await();
          }
        } else if (items.isEmpty()) {
          notEmpty.await();
        }
        T item = items.removeFirst(); // NoSuchElementException when the buffer is empty
        notFull.signal();
        return item;
      } finally {
        lock.unlock();
      }
    }
  }

  /** Two producers and two consumers of two items each, through a buffer of one. */
  private static void buffer(boolean whileLoops) {
    BoundedBuffer<String> buffer = new BoundedBuffer<>(Jdk.lock("buffer"), 1, whileLoops);
    List<String> taken = new ArrayList<>();
    List<Task<Void>> tasks = new ArrayList<>();
    for (String p : List.of("P0", "P1")) {
      tasks.add(
          Weft.spawn(
              p,
              () -> {
                buffer.put(p + "-a");
                buffer.put(p + "-b");
              }));
    }
    for (String c : List.of("C0", "C1")) {
      tasks.add(
          Weft.spawn(
              c,
              () -> {
                taken.add(buffer.take());
                taken.add(buffer.take());
              }));
    }
    Weft.gather(tasks);
    assertThat(taken).hasSize(4);
  }

  @Test
  void ifInsteadOfWhileAroundAwaitIsFoundAndTheWhileLoopPasses() {
    ExplorationResult buggy = Explorer.explore(() -> buffer(false)).tries(500).run();
    assertThat(buggy.counterexample()).isPresent();
    Counterexample found = buggy.counterexample().get();
    assertThat(found.failure()).isInstanceOf(NoSuchElementException.class);
    assertThat(found.report("")).contains("condition 1 of lock 'buffer'");

    ExplorationResult fixed = Explorer.explore(() -> buffer(true)).tries(500).run();
    assertThat(fixed.counterexample()).isEmpty();
    assertThat(fixed.tries()).isEqualTo(500);
  }

  /**
   * Two workers drain an inbox written for threads: the buggy form checks {@code isEmpty()} and
   * then calls {@code take()}, which waits for good if the other worker took the last item in
   * between; the fix takes with {@code poll()}, which never waits.
   */
  private static void inbox(boolean usePoll) {
    BlockingQueue<String> inbox = Jdk.blockingQueue("inbox", 4);
    inbox.add("m1");
    inbox.add("m2");
    inbox.add("m3");
    List<String> handled = new ArrayList<>();
    List<Task<Void>> workers = new ArrayList<>();
    for (String w : List.of("W0", "W1")) {
      workers.add(
          Weft.spawn(
              w,
              () -> {
                if (usePoll) {
                  for (String m = inbox.poll(); m != null; m = inbox.poll()) {
                    handled.add(m);
                  }
                } else {
                  while (!inbox.isEmpty()) {
                    handled.add(inbox.take());
                  }
                }
              }));
    }
    Weft.gather(workers);
    assertThat(handled).containsExactlyInAnyOrder("m1", "m2", "m3");
  }

  @Test
  void checkThenActOnABlockingQueueIsFoundAsADeadlockNamingTheQueueAndPollPasses() {
    ExplorationResult buggy =
        Explorer.explore(() -> inbox(false))
            .preemption(Preemption.EVERY_OPERATION)
            .tries(500)
            .run();
    assertThat(buggy.counterexample()).isPresent();
    assertThat(buggy.counterexample().get().failure())
        .isInstanceOf(DeadlockException.class)
        .hasMessageContaining("blocked in take() on blocking queue 'inbox' (empty, 0/4)");

    ExplorationResult fixed =
        Explorer.explore(() -> inbox(true)).preemption(Preemption.EVERY_OPERATION).tries(500).run();
    assertThat(fixed.counterexample()).isEmpty();
  }
}
