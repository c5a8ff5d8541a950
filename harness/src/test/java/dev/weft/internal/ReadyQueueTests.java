package dev.weft.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ready queue on its own (semantics §1.1: callbacks run in the order they were scheduled): a
 * ring buffer that the scheduler takes from at the head, or at any index when a strategy picks.
 */
@DisplayName("ReadyQueue (semantics §1.1)")
class ReadyQueueTests {

  /** A callback that only has a name, so that the queue's contents can be read back. */
  private record Named(String name) implements Runnable {
    @Override
    public void run() {}

    @Override
    public String toString() {
      return name;
    }
  }

  /** Appends callbacks named {@code prefix + from} to {@code prefix + (to - 1)}. */
  private static void addAll(ReadyQueue queue, String prefix, int from, int to) {
    for (int i = from; i < to; i++) {
      queue.addLast(new Named(prefix + i));
    }
  }

  /** The names of the queued callbacks, head first, read with {@code get} (nothing is removed). */
  private static List<String> contents(ReadyQueue queue) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < queue.size(); i++) {
      names.add(queue.get(i).toString());
    }
    return names;
  }

  /** Removes every callback from the head and returns their names in that order. */
  private static List<String> drain(ReadyQueue queue) {
    List<String> names = new ArrayList<>();
    while (!queue.isEmpty()) {
      names.add(queue.removeAt(0).toString());
    }
    return names;
  }

  private static List<String> names(String prefix, int from, int to) {
    List<String> names = new ArrayList<>();
    for (int i = from; i < to; i++) {
      names.add(prefix + i);
    }
    return names;
  }

  @Nested
  @DisplayName("FIFO order")
  class Order {
    @Test
    @DisplayName("a new queue is empty")
    void aNewQueueIsEmpty() {
      ReadyQueue queue = new ReadyQueue();
      assertThat(queue.size()).isZero();
      assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("callbacks come out of the head in the order they were added")
    void headComesOutInAddOrder() {
      ReadyQueue queue = new ReadyQueue();
      addAll(queue, "c", 0, 5);

      assertThat(queue.size()).isEqualTo(5);
      assertThat(queue.isEmpty()).isFalse();
      assertThat(drain(queue)).containsExactly("c0", "c1", "c2", "c3", "c4");
      assertThat(queue.size()).isZero();
      assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("get(i) reads the i-th callback from the head without removing it")
    void getReadsWithoutRemoving() {
      ReadyQueue queue = new ReadyQueue();
      addAll(queue, "c", 0, 3);
      Runnable second = queue.get(1);

      assertThat(contents(queue)).containsExactly("c0", "c1", "c2");
      assertThat(queue.size()).isEqualTo(3);
      assertThat(queue.removeAt(1)).isSameAs(second);
    }

    @Test
    @DisplayName("a callback added while others are taken goes to the tail")
    void addAfterTakingGoesToTheTail() {
      ReadyQueue queue = new ReadyQueue();
      addAll(queue, "c", 0, 3);
      assertThat(queue.removeAt(0)).hasToString("c0");
      queue.addLast(new Named("late"));

      assertThat(contents(queue)).containsExactly("c1", "c2", "late");
    }

    @Test
    @DisplayName("the same callback can be queued twice and comes out twice")
    void duplicatesAreKept() {
      ReadyQueue queue = new ReadyQueue();
      Runnable twice = new Named("twice");
      queue.addLast(twice);
      queue.addLast(new Named("between"));
      queue.addLast(twice);

      assertThat(queue.removeAt(0)).isSameAs(twice);
      assertThat(queue.removeAt(0)).hasToString("between");
      assertThat(queue.removeAt(0)).isSameAs(twice);
      assertThat(queue.isEmpty()).isTrue();
    }
  }

  @Nested
  @DisplayName("removeAt(index): a strategy takes a callback other than the head")
  class RemoveAt {
    @ParameterizedTest(name = "removeAt({0}) of c0..c4")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    @DisplayName("returns the callback at the index and keeps the others in order")
    void keepsTheOthersInOrder(int index) {
      ReadyQueue queue = new ReadyQueue();
      addAll(queue, "c", 0, 5);
      List<String> expected = names("c", 0, 5);
      String removed = expected.remove(index);

      assertThat(queue.removeAt(index)).hasToString(removed);
      assertThat(queue.size()).isEqualTo(4);
      assertThat(contents(queue)).isEqualTo(expected);
      assertThat(drain(queue)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "removeAt({0}) of 3")
    @ValueSource(ints = {-1, 3, 4})
    @DisplayName("an index outside the queue throws and leaves the queue as it was")
    void outOfRangeThrows(int index) {
      ReadyQueue queue = new ReadyQueue();
      addAll(queue, "c", 0, 3);

      assertThatThrownBy(() -> queue.removeAt(index))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessage("index " + index + " of 3");
      assertThat(contents(queue)).containsExactly("c0", "c1", "c2");
    }

    @Test
    @DisplayName("an empty queue has nothing to remove, not even at index 0")
    void emptyQueueThrows() {
      ReadyQueue queue = new ReadyQueue();
      assertThatThrownBy(() -> queue.removeAt(0))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessage("index 0 of 0");
    }
  }

  @Nested
  @DisplayName("the ring buffer: wrapping around and growing keep the order")
  class RingBuffer {
    @Test
    @DisplayName("past its first 64 slots the queue grows and keeps the order")
    void growsInOrder() {
      ReadyQueue queue = new ReadyQueue();
      addAll(queue, "c", 0, 200);

      assertThat(queue.size()).isEqualTo(200);
      assertThat(contents(queue)).isEqualTo(names("c", 0, 200));
      assertThat(drain(queue)).isEqualTo(names("c", 0, 200));
    }

    @Test
    @DisplayName("the tail wraps around to the front of the buffer")
    void wrapsAround() {
      ReadyQueue queue = new ReadyQueue();
      addAll(queue, "c", 0, 60);
      for (int i = 0; i < 50; i++) {
        queue.removeAt(0);
      }
      addAll(queue, "c", 60, 100); // 50 in the queue, 10 of them before the wrap

      assertThat(contents(queue)).isEqualTo(names("c", 50, 100));
      // Removing across the wrap shifts the later ones down over it.
      assertThat(queue.removeAt(5)).hasToString("c55");
      assertThat(queue.removeAt(20)).hasToString("c71");
      List<String> expected = names("c", 50, 100);
      expected.removeAll(List.of("c55", "c71"));
      assertThat(drain(queue)).isEqualTo(expected);
    }

    @Test
    @DisplayName("growing while wrapped around unrolls the buffer in order")
    void growsWhileWrapped() {
      ReadyQueue queue = new ReadyQueue();
      addAll(queue, "c", 0, 64);
      for (int i = 0; i < 10; i++) {
        queue.removeAt(0);
      }
      addAll(queue, "c", 64, 74); // full again: 64 slots, head at 10
      addAll(queue, "c", 74, 100); // grows

      assertThat(queue.size()).isEqualTo(90);
      assertThat(contents(queue)).isEqualTo(names("c", 10, 100));
      queue.addLast(new Named("after"));
      List<String> expected = names("c", 10, 100);
      expected.add("after");
      assertThat(drain(queue)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    @DisplayName("any mix of addLast, get and removeAt behaves as a list does")
    void behavesAsAList(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      ReadyQueue queue = new ReadyQueue();
      List<Runnable> model = new ArrayList<>();
      for (int step = 0; step < 5_000; step++) {
        // Mostly adds early on (the queue grows past 64), mostly removes later (it shrinks again).
        boolean add = model.isEmpty() || random.nextInt(100) < (step < 2_500 ? 60 : 40);
        if (add) {
          Runnable callback = new Named("s" + step);
          queue.addLast(callback);
          model.add(callback);
        } else {
          int index = random.nextInt(100) < 70 ? 0 : random.nextInt(model.size());
          assertThat(queue.removeAt(index)).as("step %d", step).isSameAs(model.remove(index));
        }
        assertThat(queue.size()).as("step %d", step).isEqualTo(model.size());
        if (!model.isEmpty()) {
          int index = random.nextInt(model.size());
          assertThat(queue.get(index)).as("step %d", step).isSameAs(model.get(index));
        }
      }
      for (int i = 0; i < model.size(); i++) {
        assertThat(queue.get(i)).isSameAs(model.get(i));
      }
    }
  }
}
