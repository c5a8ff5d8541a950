package dev.weft.explore;

import static dev.weft.TestPrograms.callbackThenTask;
import static dev.weft.TestPrograms.racers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Preemption;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link Strategy#pos()}, partial order sampling (Yuan et al., CAV 2018): deterministic per seed,
 * every order of a pass reachable, and switches at operations decided by priorities.
 */
class PosStrategyTests {

  /** Two tasks that log each of their steps, with a checkpoint (a possible switch) between. */
  private static List<String> checkpointers() {
    List<String> log = new ArrayList<>();
    var a =
        Weft.spawn(
            "A",
            () -> {
              for (int i = 1; i <= 4; i++) {
                log.add("a" + i);
                Weft.checkpoint();
              }
            });
    var b =
        Weft.spawn(
            "B",
            () -> {
              for (int i = 1; i <= 4; i++) {
                log.add("b" + i);
                Weft.checkpoint();
              }
            });
    Weft.gather(a, b);
    return log;
  }

  private static List<List<String>> logs(long seed, int tries) {
    List<List<String>> logs = new ArrayList<>();
    ExplorationResult result =
        Explorer.explore(() -> logs.add(checkpointers()))
            .strategy(Strategy.pos())
            .preemption(Preemption.EVERY_OPERATION)
            .seed(seed)
            .tries(tries)
            .run();
    assertThat(result.tries()).isEqualTo(tries);
    return logs;
  }

  @Test
  @DisplayName("the same seed gives the same tries; another seed gives others")
  void deterministicPerSeed() {
    List<List<String>> first = logs(7, 60);
    assertThat(logs(7, 60)).isEqualTo(first);
    assertThat(logs(8, 60)).isNotEqualTo(first);
    // the tries differ among themselves: the priorities are drawn anew per try
    assertThat(new HashSet<>(first).size()).isGreaterThan(10);
  }

  @Test
  @DisplayName("semantics §1.1: in COOPERATIVE mode every order of a pass occurs")
  void everyOrderOfAPassOccurs() {
    Set<String> orders = new HashSet<>();
    Explorer.explore(() -> orders.add(String.join("", racers(3, 1))))
        .strategy(Strategy.pos())
        .tries(200)
        .run();
    assertThat(orders)
        .containsExactlyInAnyOrder("a1b1c1", "a1c1b1", "b1a1c1", "b1c1a1", "c1a1b1", "c1b1a1");
  }

  @Test
  @DisplayName("EVERY_OPERATION: finds a lost update between a read and a write")
  void findsTheThreadStyleLostUpdate() {
    ExplorationResult result =
        Explorer.explore(ExplorerPrograms.lostUpdate("checkpoint"))
            .strategy(Strategy.pos())
            .preemption(Preemption.EVERY_OPERATION)
            .run();
    assertThat(result.counterexample()).isPresent();
    assertThat(result.counterexample().get().failure()).hasMessageContaining("lost update");
  }

  @Test
  @DisplayName(
      "EVERY_OPERATION: a task passed over keeps its priority, so the running task's run of"
          + " operations is as long as its fresh priorities stay above the waiting one's")
  void aWaitingTaskKeepsItsPriority() {
    // With B's priority fixed while it waits, A is switched out at its first operation whose fresh
    // priority falls below B's: P(A's first k operations all stay above) = 1/(k+1), so A runs all
    // 4 of its steps before B's first in about 1/5 of the tries, where a fixed coin of 1/4 gives
    // (3/4)^4, about 1/3.
    int aFirst = 0;
    int tries = 400;
    for (List<String> log : logs(1, tries)) {
      if (log.indexOf("a4") < log.indexOf("b1")) {
        aFirst++;
      }
    }
    assertThat(aFirst / (double) tries).isBetween(0.12, 0.28);
  }

  @Test
  @DisplayName(
      "COOPERATIVE: only the winner of a pick draws a new priority, and the task that runs last in"
          + " a pass keeps its own, so an order tends to last: A stays ahead of B through all 5"
          + " passes in about 1/6 of the tries, not the 1/32 of a new order each pass")
  void anOrderTendsToLast() {
    // P(A ahead in passes 1..n) = P(B's priority is the lowest of n + 1 draws) = 1/(n + 1)
    assertThat(sameOrderThroughFivePasses(Strategy.pos()))
        .allSatisfy(count -> assertThat(count).isBetween(70, 130));
    assertThat(sameOrderThroughFivePasses(Strategy.random()))
        .allSatisfy(count -> assertThat(count).isLessThan(40));
  }

  /** Of 600 tries of two racers, how many ran A ahead of B in every pass, and how many B. */
  private static List<Integer> sameOrderThroughFivePasses(Strategy strategy) {
    List<String> orders = new ArrayList<>();
    Explorer.explore(() -> orders.add(String.join("", racers(2, 5))))
        .strategy(strategy)
        .seed(3)
        .tries(600)
        .run();
    assertThat(orders).hasSize(600);
    return List.of(
        Collections.frequency(orders, "a1b1a2b2a3b3a4b4a5b5"),
        Collections.frequency(orders, "b1a1b2a2b3a3b4a4b5a5"));
  }

  @Test
  @DisplayName(
      "a task's step can run before a plain callback that was ready before it: callbacks get"
          + " priorities as events do")
  void aTaskCanRunBeforeACallbackOfItsPass() {
    Set<String> orders = new HashSet<>();
    Explorer.explore(() -> orders.add(callbackThenTask()))
        .strategy(Strategy.pos())
        .tries(50)
        .seed(5)
        .run();
    assertThat(orders).containsExactlyInAnyOrder("callback task", "task callback");
  }

  @Test
  @DisplayName("Strategy.pos() is a value, written as code")
  void isAValue() {
    assertThat(Strategy.pos()).isEqualTo(Strategy.pos()).hasToString("Strategy.pos()");
  }
}
