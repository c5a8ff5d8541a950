package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Spec 1.5 and 2.11: how deadlock reports describe a task blocked on a queue, and misuse of a queue
 * failing fast with a message that names the rule.
 */
@DisplayName("Queue in deadlock reports, and misuse (semantics §1.5, 2.11)")
class QueueReportsAndMisuseTests {

  @Nested
  @DisplayName("deadlock reports")
  class DeadlockReports {

    @Test
    @DisplayName(
        "semantics §1.5: a putter on a full named queue is 'blocked in put on queue 'items' (full, 2/2)'")
    void putOnAFullNamedQueue() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Queue<String> items = new Queue<>("items", 2);
                        Task<Void> p0 =
                            Weft.spawn(
                                "P0",
                                () -> {
                                  items.put("a");
                                  items.put("b");
                                  items.put("c");
                                });
                        p0.join();
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining("Blocked tasks (2)")
          .hasMessageContaining("  main  blocked in join(Task 'P0')\n")
          .hasMessageContaining("  P0    blocked in put on queue 'items' (full, 2/2)\n");
    }

    @Test
    @DisplayName(
        "semantics §1.5: a getter on an empty named queue and a task in join say what the queue holds")
    void getAndJoinOnANamedQueue() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Queue<String> items = new Queue<>("items", 2);
                        items.putNowait("a");
                        items.getNowait(); // taken, never marked done
                        Weft.spawn("C0", () -> items.get());
                        items.join();
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining(
              "  main  blocked in join on queue 'items' (1 put not yet marked taskDone, 0 items in"
                  + " the queue)\n")
          .hasMessageContaining("  C0    blocked in get on queue 'items' (empty, 0/2)\n");
    }

    @Test
    @DisplayName(
        "semantics §1.5: unnamed queues are 'queue #1', 'queue #2', numbered per run in creation order")
    void unnamedQueuesAreNumberedPerRunInCreationOrder() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Queue<String> first = new Queue<>();
                        Queue<String> second = new Queue<>(1);
                        Task<String> a = Weft.spawn("A", () -> second.get()); // used first
                        Weft.spawn("B", () -> first.get());
                        a.join();
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining("  A     blocked in get on queue #2 (empty, 0/1)\n")
          .hasMessageContaining("  B     blocked in get on queue #1 (empty)\n");
      // A new run counts from 1 again.
      assertThatThrownBy(() -> Weft.run(() -> new Queue<String>().get()))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining("  main  blocked in get on queue #1 (empty)\n");
    }
  }

  @Nested
  @DisplayName("misuse")
  class Misuse {

    @Test
    @DisplayName("a negative maxsize is refused with a message naming maxsize")
    void negativeMaxsize() {
      List<Throwable> thrown =
          List.of(
              catchThrowable(() -> new Queue<String>(-1)),
              catchThrowable(() -> new Queue<String>("q", -1)),
              catchThrowable(() -> new LifoQueue<String>(-1)),
              catchThrowable(() -> new PriorityQueue<Integer>(-1)));
      assertThat(thrown)
          .allSatisfy(
              e ->
                  assertThat(e)
                      .isInstanceOf(IllegalArgumentException.class)
                      .hasMessageContaining("maxsize")
                      .hasMessageContaining("-1"));
    }

    @Test
    @DisplayName("semantics §2.11 (Weft): a null item is refused, and nothing is put")
    void nullItem() {
      List<Throwable> thrown = new ArrayList<>();
      Queue<String> q = new Queue<>("q", 0);
      Weft.run(
          () -> {
            thrown.add(catchThrowable(() -> q.put(null)));
            thrown.add(catchThrowable(() -> q.putNowait(null)));
          });
      assertThat(thrown)
          .hasSize(2)
          .allSatisfy(
              e ->
                  assertThat(e)
                      .isInstanceOf(IllegalArgumentException.class)
                      .hasMessageContaining("item must not be null"));
      assertThat(q.size()).isZero();
      assertThat(q.unfinished()).isZero();
    }

    @Test
    @DisplayName(
        "put, get and join may wait, so a callback cannot call them; the Nowait forms work")
    void waitingOperationsFromACallback() {
      List<Throwable> thrown = new ArrayList<>();
      String got =
          Weft.run(
              () -> {
                Queue<String> q = new Queue<>("q", 0);
                Weft.callSoon(
                    () -> {
                      thrown.add(catchThrowable(() -> q.put("a")));
                      thrown.add(catchThrowable(q::get));
                      thrown.add(catchThrowable(q::join));
                      q.putNowait("from the callback");
                    });
                Weft.yieldNow();
                return q.getNowait() + ", size " + q.size();
              });
      assertThat(got).isEqualTo("from the callback, size 0");
      assertThat(thrown)
          .hasSize(3)
          .allSatisfy(e -> assertThat(e).isInstanceOf(IllegalStateException.class));
      assertThat(thrown.get(0))
          .hasMessageContaining("queue 'q': put() may wait, so it must be called from a task")
          .hasMessageContaining("called from a callback");
      assertThat(thrown.get(1)).hasMessageContaining("queue 'q': get() may wait");
      assertThat(thrown.get(2)).hasMessageContaining("queue 'q': join() may wait");
    }

    @Test
    @DisplayName("a queue belongs to the first run that uses it; a second run cannot use it")
    void aQueueCannotBeUsedByASecondRun() {
      Queue<String> createdOutside = new Queue<>("outside", 0);
      Queue<String> createdInside =
          Weft.run(
              () -> {
                createdOutside.putNowait("a");
                Queue<String> inside = new Queue<>("inside", 0);
                inside.putNowait("b");
                return inside;
              });
      assertThatThrownBy(() -> Weft.run(() -> createdOutside.getNowait()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(
              "queue 'outside'.getNowait() was called from a different Weft run than the one it belongs to");
      assertThatThrownBy(() -> Weft.run(() -> createdInside.put("c")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("queue 'inside'.put() was called from a different Weft run");
      assertThat(createdOutside.snapshot()).containsExactly("a");
      assertThat(createdInside.snapshot()).containsExactly("b");
    }

    @Test
    @DisplayName(
        "outside a run, a queue no run has used can be filled without waiting, as in asyncio; put"
            + " (which may wait) is refused")
    void operationsOutsideARun() {
      Queue<String> q = new Queue<>("q", 0);
      assertThatThrownBy(() -> q.put("a"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("queue 'q'.put() needs a running Weft loop");
      q.putNowait("a");
      q.putNowait("b");
      assertThat(q.getNowait()).isEqualTo("a");

      assertThat(Weft.run(() -> q.get())).isEqualTo("b");

      assertThat(q.snapshot()).isEmpty();
      assertThatThrownBy(() -> q.putNowait("c"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "queue 'q'.putNowait() was called outside the Weft run it belongs to. Once a run has"
                  + " used a primitive, only that run's tasks and callbacks may use it.");
      assertThat(q.size()).isZero();
    }
  }
}
