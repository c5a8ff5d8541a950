package dev.weft.explore;

import static dev.weft.TestPrograms.callbackThenTask;
import static dev.weft.TestPrograms.racers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.RunEvent;
import dev.weft.RunOptions;
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
 * {@link Strategy#pct(int)}, probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi,
 * Nagarakatte, ASPLOS 2010). Its javadoc promises that a bug needing {@code d} specific orderings
 * is found with probability at least {@code 1 / (n * k^(d-1))} per try, for {@code n} tasks and
 * {@code k} choice points. These tests measure the rate on seeded explorations and hold it to that
 * bound; both inputs of the bound are measured on traced runs, not assumed.
 *
 * <p>The programs are semantics §1.1's round robin ({@link dev.weft.TestPrograms#racers}): tasks
 * that yield between steps meet in one pass per step, and a choice point orders each pass.
 */
class PctStrategyTests {
  /** Tries of the random strategy, whose rate the reports show for comparison. */
  private static final int RANDOM_TRIES = 400;

  private static boolean before(List<String> log, String first, String second) {
    return log.indexOf(first) < log.indexOf(second);
  }

  /**
   * The depth-2 bug at step {@code j}: A's step j runs before B's step j, AND B's step j+1 before
   * A's step j+1. Two ordering constraints, neither enough alone.
   */
  private static boolean depth2Bug(List<String> log, int j) {
    return before(log, "a" + j, "b" + j) && before(log, "b" + (j + 1), "a" + (j + 1));
  }

  /**
   * How many tries of one exploration of two racers show the depth-2 bug at step {@code j}. The
   * scenario counts the bug's condition instead of throwing, so that the exploration runs all its
   * tries (an exploration stops at its first failure) and the strategy learns from every try as it
   * would in real use.
   */
  private static int bugHits(Strategy strategy, int steps, int j, int tries, long seed) {
    int[] hits = {0};
    ExplorationResult result =
        Explorer.explore(
                () -> {
                  if (depth2Bug(racers(2, steps), j)) {
                    hits[0]++;
                  }
                })
            .strategy(strategy)
            .tries(tries)
            .seed(seed)
            .run();
    assertThat(result.tries()).isEqualTo(tries);
    return hits[0];
  }

  /** The inputs of the PCT bound, measured on traced runs: n tasks, k choice points. */
  record Shape(int tasks, int choicePoints) {
    double bound(int depth) {
      return 1.0 / (tasks * Math.pow(choicePoints, depth - 1));
    }
  }

  /**
   * n = tasks spawned (main included); k = the most choice points ("picked ..." CHOSE events) any
   * of 20 random runs made.
   */
  private static Shape shape(int steps) {
    int tasks = 0;
    int choicePoints = 0;
    for (int seed = 0; seed < 20; seed++) {
      List<RunEvent> events = new ArrayList<>();
      Weft.run(
          RunOptions.defaults().strategy(Strategy.random()).seed(seed).listener(events::add),
          () -> racers(2, steps));
      tasks = Math.max(tasks, count(events, RunEvent.Kind.SPAWNED, ""));
      choicePoints = Math.max(choicePoints, count(events, RunEvent.Kind.CHOSE, "picked "));
    }
    return new Shape(tasks, choicePoints);
  }

  private static int count(List<RunEvent> events, RunEvent.Kind kind, String detailPrefix) {
    return (int)
        events.stream()
            .filter(e -> e.kind() == kind && e.detail().text().startsWith(detailPrefix))
            .count();
  }

  private static void assertRateAtLeastBound(int steps, int j, int tries, long seed) {
    Shape shape = shape(steps);
    // Every run of two racers has one choice point per step (A and B meet in each pass).
    assertThat(shape).isEqualTo(new Shape(3, steps));
    int pct = bugHits(Strategy.pct(2), steps, j, tries, seed);
    int random = bugHits(Strategy.random(), steps, j, RANDOM_TRIES, seed);
    double bound = shape.bound(2);
    assertThat((double) pct / tries)
        .as(
            "depth-2 bug (a%d<b%d and b%d<a%d): pct(2) found it in %d of %d tries (rate %.4f),"
                + " random in %d of %d (rate %.4f); the PCT bound 1/(n*k^(d-1)) with n=%d tasks,"
                + " k=%d choice points, d=2 is %.4f",
            j,
            j,
            j + 1,
            j + 1,
            pct,
            tries,
            (double) pct / tries,
            random,
            RANDOM_TRIES,
            (double) random / RANDOM_TRIES,
            shape.tasks(),
            shape.choicePoints(),
            bound)
        .isGreaterThanOrEqualTo(bound);
  }

  @Test
  @DisplayName(
      "Strategy.pct(2) javadoc: a depth-2 bug in a run of 2 choice points is found at a rate of at"
          + " least 1/(n*k) = 1/6")
  void pctFindsAShortDepthTwoBugAtLeastAtItsBound() {
    // PCT's own analysis: A must get the higher priority (1/2) and the one change point must fall
    // on the first of the k = 2 choice points (1/k), so pct(2) should find it in about 1/4 of the
    // tries, as random does; the bound, counting main among the tasks, is 1/6.
    assertRateAtLeastBound(2, 1, 1000, 2024);
  }

  @Test
  @DisplayName(
      "Strategy.pct(2) javadoc: a depth-2 bug at the 33rd of 34 choice points is found at a rate of"
          + " at least 1/(n*k) = 1/102")
  void pctFindsADepthTwoBugLateInALongRunAtLeastAtItsBound() {
    // The change point must fall exactly on choice point 33, so the strategy has to know how long
    // runs are: about 1/68 of the tries when it does; the bound is 1/(3 * 34).
    assertRateAtLeastBound(34, 33, 3000, 2024);
  }

  @Test
  @DisplayName(
      "Strategy.pct(1): no change points, so every pass runs in the same priority order; each"
          + " order occurs")
  void pctOneKeepsOnePriorityOrderForTheWholeRun() {
    List<List<String>> logs = new ArrayList<>();
    Explorer.explore(() -> logs.add(racers(3, 3)))
        .strategy(Strategy.pct(1))
        .tries(200)
        .seed(11)
        .run();
    assertThat(logs).hasSize(200);
    Set<String> orders = new HashSet<>();
    int bBeforeA = 0;
    for (List<String> log : logs) {
      // The first pass fixes the order; the highest priority runs first in every later pass too.
      List<String> first = log.subList(0, 3).stream().map(s -> s.substring(0, 1)).toList();
      List<String> expected = new ArrayList<>();
      for (int step = 1; step <= 3; step++) {
        for (String task : first) {
          expected.add(task + step);
        }
      }
      assertThat(log).as("a pct(1) run departed from its priority order").isEqualTo(expected);
      orders.add(String.join("", first));
      if (before(log, "b1", "a1")) {
        bBeforeA++;
      }
    }
    assertThat(orders).containsExactlyInAnyOrder("abc", "acb", "bac", "bca", "cab", "cba");
    // A depth-1 bug (B before A) is found at a rate of at least 1/n, n = 4 tasks with main.
    assertThat(bBeforeA / 200.0).isGreaterThanOrEqualTo(1.0 / 4);
  }

  @Test
  @DisplayName("Strategy.pct(1) never finds a depth-2 bug: it needs a change of priority")
  void pctOneNeverFindsADepthTwoBug() {
    assertThat(bugHits(Strategy.pct(1), 2, 1, 300, 5)).isZero();
    // ... while the bug is there to be found: random and pct(2) find it with the same seed.
    assertThat(bugHits(Strategy.random(), 2, 1, 100, 5)).isPositive();
    assertThat(bugHits(Strategy.pct(2), 2, 1, 300, 5)).isPositive();
  }

  @Test
  @DisplayName(
      "Strategy.pct(depth) javadoc: a plain callback draws a priority from the tasks' range, so a"
          + " task's step runs before a callback that was ready before it in about half the tries")
  void aTaskCanRunBeforeACallbackOfItsPass() {
    for (int depth = 1; depth <= 3; depth++) {
      List<String> orders = new ArrayList<>();
      Explorer.explore(() -> orders.add(callbackThenTask()))
          .strategy(Strategy.pct(depth))
          .tries(200)
          .seed(5)
          .run();
      assertThat(orders).hasSize(200);
      assertThat(Collections.frequency(orders, "task callback"))
          .as("pct(%d): tries whose task ran before the callback, of 200", depth)
          .isBetween(70, 130);
    }
  }

  @Test
  @DisplayName("Strategy.pct(depth) javadoc: a depth below 1 is rejected")
  void depthBelowOneIsRejected() {
    assertThatThrownBy(() -> Strategy.pct(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("depth must be 1 or more, but was 0");
    assertThatThrownBy(() -> Strategy.pct(-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was -3");
    assertThat(Strategy.pct(1)).hasToString("Strategy.pct(1)");
  }
}
