package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Spec 2.11: LifoQueue and PriorityQueue order, and the read-only state of every queue. */
@DisplayName("LifoQueue, PriorityQueue and queue state (semantics §2.11)")
class QueueVariantsTests {

  /** Takes every item with getNowait, in the order the queue gives them. */
  private static <T> List<T> drain(Queue<T> q) {
    List<T> items = new ArrayList<>();
    while (!q.isEmpty()) {
      items.add(q.getNowait());
    }
    return items;
  }

  /** A job that is not Comparable: the priority queue needs a comparator for it. */
  private record Job(int priority, String name) {
    @Override
    public String toString() {
      return name;
    }
  }

  @Nested
  @DisplayName("order")
  class Order {

    @Test
    @DisplayName("semantics §2.11: LifoQueue returns the item put last first")
    void lifoOrder() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            LifoQueue<String> q = new LifoQueue<>("stack", 0);
            q.put("a");
            q.put("b");
            log.add("get " + q.get());
            q.put("c");
            q.put("d");
            log.add("snapshot " + q.snapshot());
            log.add("rest " + drain(q));
          });
      assertThat(log).containsExactly("get b", "snapshot [d, c, a]", "rest [d, c, a]");
    }

    @Test
    @DisplayName("semantics §2.11: PriorityQueue returns the smallest item first")
    void priorityOrderSmallestFirst() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            PriorityQueue<Integer> q = new PriorityQueue<>("prio", 0);
            for (int n : new int[] {5, 1, 4}) {
              q.put(n);
            }
            log.add("get " + q.get());
            for (int n : new int[] {2, 6, 3, 0}) {
              q.putNowait(n);
            }
            log.add("snapshot " + q.snapshot());
            log.add("rest " + drain(q));
          });
      assertThat(log)
          .containsExactly("get 1", "snapshot [0, 2, 3, 4, 5, 6]", "rest [0, 2, 3, 4, 5, 6]");
    }

    @Test
    @DisplayName(
        "semantics §2.11: a PriorityQueue with a Comparator returns the smallest by that order")
    void priorityOrderByComparator() {
      List<String> got =
          Weft.run(
              () -> {
                PriorityQueue<Integer> q =
                    new PriorityQueue<>("largest first", 0, Comparator.reverseOrder());
                for (int n : new int[] {3, 9, 1, 7, 5}) {
                  q.putNowait(n);
                }
                return List.of(q.snapshot().toString(), drain(q).toString());
              });
      assertThat(got).containsExactly("[9, 7, 5, 3, 1]", "[9, 7, 5, 3, 1]");
    }

    @Test
    @DisplayName(
        "semantics §2.11, a Weft choice (PriorityQueue javadoc): items of equal priority come out in the"
            + " order they were put")
    void equalPrioritiesAreFifo() {
      // Priorities 3,1,2,1,3,2,1,3,2,1,2,3 for j0..j11: twelve items, so that a heap without a
      // tiebreaker would reorder equal ones.
      int[] priorities = {3, 1, 2, 1, 3, 2, 1, 3, 2, 1, 2, 3};
      List<List<Job>> got =
          Weft.run(
              () -> {
                PriorityQueue<Job> q =
                    new PriorityQueue<>("jobs", 0, Comparator.comparingInt(Job::priority));
                for (int i = 0; i < priorities.length; i++) {
                  q.putNowait(new Job(priorities[i], "j" + i));
                }
                return List.of(q.snapshot(), drain(q));
              });
      String byPriorityThenPut = "[j1, j3, j6, j9, j2, j5, j8, j10, j0, j4, j7, j11]";
      assertThat(got.get(0)).hasToString(byPriorityThenPut);
      assertThat(got.get(1)).hasToString(byPriorityThenPut);
    }

    @Test
    @DisplayName(
        "semantics §2.11: a PriorityQueue without comparator refuses an item that is not Comparable")
    void nonComparableWithoutComparatorIsRefused() {
      List<Throwable> thrown = new ArrayList<>();
      PriorityQueue<Object> q = new PriorityQueue<>("prio", 0);
      Weft.run(
          () -> {
            thrown.add(catchThrowable(() -> q.putNowait(new Job(1, "j"))));
            thrown.add(catchThrowable(() -> q.put(new Job(1, "j"))));
          });
      assertThat(thrown)
          .hasSize(2)
          .allSatisfy(
              e ->
                  assertThat(e)
                      .isInstanceOf(IllegalArgumentException.class)
                      .hasMessageContaining("priority queue 'prio' has no comparator")
                      .hasMessageContaining("must be Comparable")
                      .hasMessageContaining(Job.class.getName()));
      assertThat(q.size()).isZero();
      assertThat(q.unfinished()).isZero();
    }
  }

  @Nested
  @DisplayName("state")
  class State {

    @Test
    @DisplayName(
        "semantics §2.11: size, isEmpty, isFull, maxsize and unfinished follow puts, gets and taskDone")
    void stateFollowsTheOperations() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 2);
            Runnable state =
                () ->
                    log.add(
                        "size "
                            + q.size()
                            + " empty "
                            + q.isEmpty()
                            + " full "
                            + q.isFull()
                            + " maxsize "
                            + q.maxsize()
                            + " unfinished "
                            + q.unfinished());
            state.run();
            q.putNowait("a");
            state.run();
            q.putNowait("b");
            state.run();
            q.getNowait();
            state.run();
            q.taskDone();
            state.run();
          });
      assertThat(log)
          .containsExactly(
              "size 0 empty true full false maxsize 2 unfinished 0",
              "size 1 empty false full false maxsize 2 unfinished 1",
              "size 2 empty false full true maxsize 2 unfinished 2",
              "size 1 empty false full false maxsize 2 unfinished 2",
              "size 1 empty false full false maxsize 2 unfinished 1");
    }

    @Test
    @DisplayName(
        "semantics §2.11: snapshot() is a copy in get order, and the state can be read after the run")
    void snapshotInGetOrderAndAfterTheRun() {
      Queue<String> q =
          Weft.run(
              () -> {
                Queue<String> items = new Queue<>("items", 3);
                items.putNowait("a");
                items.putNowait("b");
                items.putNowait("c");
                items.getNowait();
                items.putNowait("d");
                return items;
              });
      assertThat(q.snapshot()).containsExactly("b", "c", "d");
      q.snapshot().clear(); // a copy: the queue keeps its items
      assertThat(q.size()).isEqualTo(3);
      assertThat(q.isEmpty()).isFalse();
      assertThat(q.isFull()).isTrue();
      assertThat(q.maxsize()).isEqualTo(3);
      assertThat(q.unfinished()).isEqualTo(4);
      assertThat(q.isShutDown()).isFalse();
    }
  }
}
