package dev.weft;

import static dev.weft.TestPrograms.at;
import static dev.weft.TestPrograms.attempt;
import static dev.weft.TestPrograms.kind;
import static dev.weft.TestPrograms.secs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.11: waiting tasks are woken first-in, first-out, one per item or free slot; a woken task
 * re-checks the queue only when it runs (so others can barge in), and a woken task that is
 * cancelled before it runs passes its wake-up on.
 */
@DisplayName("Queue: who gets the item, and cancelled waiters (semantics §2.11)")
class QueueFairnessTests {

  /** A task that takes one item and logs "NAME got ITEM@Ns". */
  private static Task<Void> getter(String name, Queue<String> q, List<String> log) {
    return Weft.spawn(
        name,
        () -> {
          String item = q.get();
          log.add(name + " got " + item + at());
        });
  }

  /** A task that puts {@code item} and logs "NAME put ITEM@Ns". */
  private static Task<Void> putter(String name, String item, Queue<String> q, List<String> log) {
    return Weft.spawn(
        name,
        () -> {
          q.put(item);
          log.add(name + " put " + item + at());
        });
  }

  @Nested
  @DisplayName("waking order")
  class WakingOrder {

    @Test
    @DisplayName("semantics §2.11: waiting getters are woken first-in, first-out")
    void gettersAreWokenFifo() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 0);
            getter("G1", q, log);
            getter("G2", q, log);
            getter("G3", q, log);
            Weft.yieldNow(); // all three wait, in this order
            q.putNowait("a");
            q.putNowait("b");
            q.putNowait("c");
            Weft.yieldNow(); // the woken getters run before main, in the order they were woken
            log.add("main");
          });
      assertThat(log).containsExactly("G1 got a@0s", "G2 got b@0s", "G3 got c@0s", "main");
    }

    @Test
    @DisplayName(
        "semantics §2.11: waiting putters are woken first-in, first-out, one per free slot")
    void puttersAreWokenFifo() {
      List<String> got = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 1);
            q.putNowait("x");
            List<String> ignored = new ArrayList<>();
            putter("P1", "p1", q, ignored);
            putter("P2", "p2", q, ignored);
            putter("P3", "p3", q, ignored);
            Weft.yieldNow(); // all three wait for room, in this order
            for (int i = 0; i < 4; i++) {
              got.add(q.get());
            }
          });
      assertThat(got).containsExactly("x", "p1", "p2", "p3");
    }

    @Test
    @DisplayName(
        "semantics §2.11: one waiter is woken per item, and a woken waiter that finds the queue empty"
            + " waits again at the back")
    void oneWakeUpPerItemAndReWaitAtTheBack() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 0);
            Task<Void> g1 = getter("G1", q, log);
            Task<Void> g2 = getter("G2", q, log);
            Weft.yieldNow(); // getters: [G1, G2]
            Weft.spawn(
                "producer",
                () -> {
                  Weft.sleep(secs(1));
                  q.putNowait("b");
                  q.putNowait("c");
                  q.putNowait("d");
                });
            q.putNowait("a"); // wakes G1 only: getters [G2]
            log.add("main took " + q.getNowait()); // main barges in before G1 runs
            log.add(
                "main got "
                    + q.get()
                    + at()); // getters [G2, main]; then G1 re-waits: [G2, main, G1]
            Weft.gather(g1, g2);
          });
      assertThat(log).containsExactly("main took a", "G2 got b@1s", "main got c@1s", "G1 got d@1s");
    }

    @Test
    @DisplayName(
        "semantics §2.11 trace: G1, G2 wait; put(x) wakes G1; a third task takes x; put(y) wakes G2;"
            + " G1 gets y; G2 waits again and gets z")
    void bargingTraceFromTheSpec() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 0);
            Task<Void> g1 = getter("G1", q, log);
            Task<Void> g2 = getter("G2", q, log);
            Weft.yieldNow(); // getters: [G1, G2]
            Weft.spawn(
                "third",
                () -> {
                  log.add("third took " + q.getNowait());
                  q.put("y");
                  log.add("third put y");
                });
            q.put("x"); // wakes G1; the third task is ahead of G1 in the ready queue
            log.add("main put x");
            Weft.sleep(secs(1));
            q.put("z");
            log.add("main put z" + at());
            Weft.gather(g1, g2);
          });
      assertThat(log)
          .containsExactly(
              "main put x",
              "third took x",
              "third put y",
              "G1 got y@0s",
              "main put z@1s",
              "G2 got z@1s");
    }
  }

  @Nested
  @DisplayName("cancelled waiters")
  class CancelledWaiters {

    @Test
    @DisplayName(
        "semantics §2.11 (CPython test_get_cancel_drop_one_pending_reader): a woken reader cancelled"
            + " before it runs drops no item")
    void cancelledWokenReaderDropsNoItem() {
      List<String> log = new ArrayList<>();
      Queue<Integer> q = new Queue<>();
      Weft.run(
          () -> {
            Task<Integer> reader = Weft.spawn("reader", q::get);
            Weft.yieldNow();
            q.putNowait(1); // wakes the reader
            q.putNowait(2);
            reader.cancel();
            log.add("reader: " + kind(attempt(reader::join).error()));
            Task<Integer> again = Weft.spawn("reader again", q::get);
            log.add("reader again got " + again.join()); // 2 would mean 1 was dropped
          });
      assertThat(log).containsExactly("reader: CancelledException", "reader again got 1");
      assertThat(q.snapshot()).containsExactly(2);
    }

    @Test
    @DisplayName(
        "semantics §2.11: a woken getter cancelled before it runs passes the item on to the next getter")
    void cancelledWokenGetterPassesTheWakeUpOn() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 0);
            Task<Void> g1 = getter("G1", q, log);
            getter("G2", q, log);
            Weft.yieldNow(); // getters: [G1, G2]
            q.putNowait("a"); // wakes G1 only
            g1.cancel(); // before G1 runs: G1 must hand its wake-up to G2
            Weft.sleep(secs(1));
            log.add("G1 cancelled " + g1.isCancelled() + ", queue " + q.snapshot() + at());
          });
      assertThat(log).containsExactly("G2 got a@0s", "G1 cancelled true, queue []@1s");
    }

    @Test
    @DisplayName("semantics §2.11: a woken putter cancelled before it runs passes the free slot on")
    void cancelledWokenPutterPassesTheWakeUpOn() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 1);
            q.putNowait("x");
            Task<Void> p1 = putter("P1", "p1", q, log);
            putter("P2", "p2", q, log);
            Weft.yieldNow(); // putters: [P1, P2]
            log.add("main took " + q.getNowait()); // frees the slot, wakes P1 only
            p1.cancel(); // before P1 runs: P1 must hand the slot to P2
            Weft.sleep(secs(1));
            log.add("P1 cancelled " + p1.isCancelled() + ", queue " + q.snapshot() + at());
          });
      assertThat(log)
          .containsExactly("main took x", "P2 put p2@0s", "P1 cancelled true, queue [p2]@1s");
    }

    @Test
    @DisplayName(
        "semantics §2.11: a getter cancelled while still waiting does not use up a wake-up")
    void getterCancelledWhileWaitingDoesNotConsumeAWakeUp() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 0);
            Task<Void> g1 = getter("G1", q, log);
            getter("G2", q, log);
            Weft.yieldNow(); // getters: [G1, G2]
            g1.cancel(); // G1 has not run since: it is still in the waiter list
            q.putNowait("a"); // must skip G1's cancelled waiter and wake G2
            Weft.sleep(secs(1));
            log.add("G1 cancelled " + g1.isCancelled() + ", queue " + q.snapshot() + at());
          });
      assertThat(log).containsExactly("G2 got a@0s", "G1 cancelled true, queue []@1s");
    }

    @Test
    @DisplayName(
        "semantics §2.11: a getter cancelled while still waiting passes no wake-up on, so the next getter"
            + " keeps its place")
    void getterCancelledWhileWaitingPassesNothingOn() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 0);
            Task<Void> g1 = getter("G1", q, log);
            Task<Void> g2 = getter("G2", q, log);
            Task<Void> g3 = getter("G3", q, log);
            Weft.yieldNow(); // getters: [G1, G2, G3]
            Weft.spawn(
                "producer",
                () -> {
                  Weft.sleep(secs(1));
                  q.putNowait("b");
                  q.putNowait("c");
                });
            g1.cancel(); // cancelled while waiting
            q.putNowait(
                "a"); // wakes G2; G1 then ends while 'a' is still there: it must not wake G3
            Weft.yieldNow();
            // A spurious wake-up would have taken G3 out of the list; it would come back behind
            // main.
            log.add("main got " + q.get() + at());
            Weft.gatherSettled(List.of(g1, g2, g3));
          });
      assertThat(log).containsExactly("G2 got a@0s", "G3 got b@1s", "main got c@1s");
    }
  }
}
