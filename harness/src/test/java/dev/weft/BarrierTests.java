package dev.weft;

import static dev.weft.TestPrograms.at;
import static dev.weft.TestPrograms.attempt;
import static dev.weft.TestPrograms.kind;
import static dev.weft.TestPrograms.message;
import static dev.weft.TestPrograms.ms;
import static dev.weft.TestPrograms.secs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Barrier}, asyncio's {@code Barrier} (semantics §2.16). The exact orders follow CPython's
 * implementation, which Barrier ports line by line: the last arriver sets the state to draining and
 * signals all; each released task then takes the internal lock back in wake-up order; the last to
 * leave lets the barrier fill again and signals the tasks that arrived meanwhile.
 */
class BarrierTests {

  /** Spawns a task that logs "NAME arrives", awaits the barrier, logs "NAME passes INDEX". */
  static Task<Integer> arriver(String name, Barrier barrier, List<String> log) {
    return Weft.spawn(
        name,
        () -> {
          log.add(name + " arrives " + at());
          int index = barrier.await();
          log.add(name + " passes " + index + " " + at());
          return index;
        });
  }

  @Test
  @DisplayName("semantics §2.16: parties < 1 -> IllegalArgumentException")
  void partiesMustBeAtLeastOne() {
    assertThatThrownBy(() -> new Barrier("b", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parties must be 1 or more, but was 0");
    assertThatThrownBy(() -> new Barrier(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parties must be 1 or more, but was -1");
  }

  @Nested
  @DisplayName("semantics §2.16: await")
  class Await {
    @Test
    @DisplayName("semantics §2.16: await returns the arrival index, 0..parties-1")
    void returnsTheArrivalIndex() {
      List<Integer> indices =
          Weft.run(
              () -> {
                Barrier barrier = new Barrier("b", 3);
                List<Task<Integer>> tasks = new ArrayList<>();
                for (long delay :
                    new long[] {30, 10, 20}) { // the second arrives first, the first last
                  tasks.add(
                      Weft.spawn(
                          () -> {
                            Weft.sleep(ms(delay));
                            return barrier.await();
                          }));
                }
                return Weft.gather(tasks);
              });
      assertThat(indices).containsExactly(2, 0, 1);
    }

    @Test
    @DisplayName("semantics §2.16: the last arriver releases the others and returns first")
    void lastArriverReturnsFirst() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Barrier barrier = new Barrier("b", 3);
            Weft.gather(
                arriver("A", barrier, log), arriver("B", barrier, log), arriver("C", barrier, log));
          });
      assertThat(log)
          .containsExactly(
              "A arrives @0s",
              "B arrives @0s",
              "C arrives @0s",
              "C passes 2 @0s",
              "A passes 0 @0s",
              "B passes 1 @0s");
    }

    @Test
    @DisplayName(
        "semantics §1.2, 2.16: the last arriver does not suspend (a one-party barrier never waits)")
    void lastArriverDoesNotSuspend() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Barrier barrier = new Barrier("solo", 1);
            Task<Boolean> other = Weft.spawn("other", () -> log.add("other ran"));
            log.add("main passes " + barrier.await());
            log.add("main passes " + barrier.await());
            other.join();
          });
      assertThat(log).containsExactly("main passes 0", "main passes 0", "other ran");
    }

    @Test
    @DisplayName(
        "semantics §2.16: a task arriving while the barrier drains waits for the next cycle")
    void arrivalWhileDrainingWaitsForTheNextCycle() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Barrier barrier = new Barrier("b", 2);
            Task<Integer> a = arriver("A", barrier, log);
            Task<Integer> b = arriver("B", barrier, log);
            Task<Integer> d = arriver("D", barrier, log); // runs after B released A, before A left
            Weft.sleep(secs(1));
            log.add("waiting " + barrier.waiting());
            Task<Integer> e = arriver("E", barrier, log);
            Weft.gather(a, b, d, e);
          });
      assertThat(log)
          .containsExactly(
              "A arrives @0s",
              "B arrives @0s",
              "B passes 1 @0s",
              "D arrives @0s",
              "A passes 0 @0s",
              "waiting 1",
              "E arrives @1s",
              "E passes 1 @1s",
              "D passes 0 @1s");
    }

    @Test
    @DisplayName("semantics §2.16: the barrier is reused cycle after cycle")
    void reusedAcrossCycles() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Barrier barrier = new Barrier("b", 3);
            List<Task<Void>> tasks = new ArrayList<>();
            for (String name : List.of("A", "B", "C")) {
              tasks.add(
                  Weft.spawn(
                      name,
                      () -> {
                        for (int round = 1; round <= 2; round++) {
                          log.add(name + round + ":" + barrier.await());
                        }
                      }));
            }
            Weft.gather(tasks);
          });
      // C releases round 1 and arrives again while A and B still leave; A arrives before B has
      // left, so round 2 fills in the order B, C, A, and A releases it.
      assertThat(log).containsExactly("C1:2", "A1:0", "B1:1", "A2:2", "B2:0", "C2:1");
    }

    @Test
    @DisplayName("semantics §2.16: cancelling a waiting task removes it from the barrier")
    void cancelledWaiterLeaves() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Barrier barrier = new Barrier("b", 3);
            Task<Integer> a = arriver("A", barrier, log);
            Task<Integer> b = arriver("B", barrier, log);
            Weft.yieldNow();
            log.add("waiting " + barrier.waiting());
            a.cancel();
            log.add("A ended with " + kind(attempt(a::join).error()));
            log.add("waiting " + barrier.waiting());
            Task<Integer> c = arriver("C", barrier, log);
            Weft.sleep(secs(1)); // A's place is free again: B and C are not enough
            log.add("waiting " + barrier.waiting());
            Task<Integer> d = arriver("D", barrier, log);
            Weft.gather(b, c, d);
          });
      assertThat(log)
          .filteredOn(line -> !line.contains("arrives"))
          .containsExactly(
              "waiting 2",
              "A ended with CancelledException",
              "waiting 1",
              "waiting 2",
              "D passes 2 @1s",
              "B passes 1 @1s",
              "C passes 1 @1s"); // as in CPython, C takes the index A left
    }
  }

  @Nested
  @DisplayName("semantics §2.16: reset and abort")
  class ResetAndAbort {
    @Test
    @DisplayName(
        "semantics §2.16: reset(): waiters get BarrierBrokenException, then the barrier refills")
    void resetBreaksTheWaitersThenRefills() {
      List<String> log = new ArrayList<>();
      List<Integer> next =
          Weft.run(
              () -> {
                Barrier barrier = new Barrier("b", 3);
                Task<Integer> a = arriver("A", barrier, log);
                Task<Integer> b = arriver("B", barrier, log);
                Weft.yieldNow();
                barrier.reset();
                log.add(
                    "after reset: waiting " + barrier.waiting() + ", broken " + barrier.isBroken());
                for (Task<Integer> task : List.of(a, b)) {
                  Throwable error = attempt(task::join).error();
                  log.add(task.name() + ": " + kind(error) + ": " + message(error));
                }
                return Weft.gather(
                    Weft.spawn(barrier::await),
                    Weft.spawn(barrier::await),
                    Weft.spawn(barrier::await));
              });
      assertThat(log)
          .filteredOn(line -> !line.contains("arrives"))
          .containsExactly(
              "after reset: waiting 0, broken false",
              "A: BarrierBrokenException: barrier 'b' was reset while A waited",
              "B: BarrierBrokenException: barrier 'b' was reset while B waited");
      assertThat(next).containsExactly(0, 1, 2);
    }

    @Test
    @DisplayName(
        "semantics §2.16: a task arriving while the barrier resets waits for the next cycle")
    void arrivalWhileResettingWaitsForTheNextCycle() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Barrier barrier = new Barrier("b", 2);
            Task<Integer> a = arriver("A", barrier, log);
            Weft.yieldNow();
            Task<Integer> n = arriver("N", barrier, log); // runs before A leaves the reset barrier
            barrier.reset();
            log.add("A: " + kind(attempt(a::join).error()));
            Task<Integer> m = arriver("M", barrier, log);
            Weft.gather(n, m);
          });
      assertThat(log)
          .containsExactly(
              "A arrives @0s",
              "N arrives @0s",
              "A: BarrierBrokenException",
              "M arrives @0s",
              "M passes 1 @0s",
              "N passes 0 @0s");
    }

    @Test
    @DisplayName(
        "semantics §2.16: abort(): current and later awaits throw BarrierBrokenException until reset()")
    void abortBreaksTheBarrierUntilReset() {
      List<String> log = new ArrayList<>();
      List<Integer> afterReset =
          Weft.run(
              () -> {
                Barrier barrier = new Barrier("b", 3);
                Task<Integer> a = arriver("A", barrier, log);
                Task<Integer> b = arriver("B", barrier, log);
                Weft.yieldNow();
                barrier.abort();
                log.add("broken " + barrier.isBroken() + ", waiting " + barrier.waiting());
                for (Task<Integer> task : List.of(a, b)) {
                  log.add(task.name() + ": " + message(attempt(task::join).error()));
                }
                Task<Integer> c = Weft.spawn("C", barrier::await);
                log.add("C: " + message(attempt(c::join).error()));
                Throwable mine = attempt(barrier::await).error();
                log.add("main: " + kind(mine) + " " + at());
                barrier.reset();
                log.add("broken " + barrier.isBroken());
                return Weft.gather(
                    Weft.spawn(barrier::await),
                    Weft.spawn(barrier::await),
                    Weft.spawn(barrier::await));
              });
      assertThat(log)
          .filteredOn(line -> !line.contains("arrives"))
          .containsExactly(
              "broken true, waiting 0",
              "A: barrier 'b' was aborted while A waited",
              "B: barrier 'b' was aborted while B waited",
              "C: barrier 'b' is broken: abort() was called. Call reset() to use it again.",
              "main: BarrierBrokenException @0s",
              "broken false");
      assertThat(afterReset).containsExactly(0, 1, 2);
    }
  }

  @Test
  @DisplayName("semantics §2.16: parties(), waiting() and isBroken() follow the barrier's state")
  void propertiesFollowTheState() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          Barrier barrier = new Barrier("b", 3);
          List<Task<Integer>> tasks = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            log.add(
                barrier.parties()
                    + " parties, "
                    + barrier.waiting()
                    + " waiting, broken "
                    + barrier.isBroken());
            tasks.add(Weft.spawn(barrier::await));
            Weft.yieldNow();
          }
          log.add("released: " + barrier.waiting() + " waiting");
          Weft.gather(tasks);
          barrier.abort();
          log.add("aborted: " + barrier.waiting() + " waiting, broken " + barrier.isBroken());
        });
    assertThat(log)
        .containsExactly(
            "3 parties, 0 waiting, broken false",
            "3 parties, 1 waiting, broken false",
            "3 parties, 2 waiting, broken false",
            "released: 0 waiting",
            "aborted: 0 waiting, broken true");
  }

  @Test
  @DisplayName(
      "semantics §1.5, 2.16: a deadlock report shows \"await on barrier 'NAME' (2/3 arrived)\"")
  void deadlockReportShowsHowManyArrived() {
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      Barrier barrier = new Barrier("start", 3);
                      return Weft.gather(
                          Weft.spawn("A", barrier::await), Weft.spawn("B", barrier::await));
                    }))
        .isInstanceOf(DeadlockException.class)
        .hasMessageContaining("  main  blocked in gather(A, B), waiting for A\n")
        .hasMessageContaining("  A     blocked in await on barrier 'start' (2/3 arrived)\n")
        .hasMessageContaining("  B     blocked in await on barrier 'start' (2/3 arrived)\n");
  }
}
