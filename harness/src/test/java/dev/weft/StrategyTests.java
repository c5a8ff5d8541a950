package dev.weft;

import static dev.weft.TestPrograms.racers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * the exhaustive and random strategies. The programs are semantics §1.1's round robin ({@link
 * TestPrograms#racers}): tasks that yield between steps meet in one pass per step, and the choice
 * points order each pass.
 */
class StrategyTests {

  /** The strategies whose runs depend on the seed. */
  static Stream<Strategy> seeded() {
    return Stream.of(Strategy.random(), Strategy.pct(2));
  }

  /** Runs an exploration whose scenario adds each try's log to {@code logs}; returns them. */
  private static List<List<String>> logsOf(Explorer explorer, List<List<String>> logs) {
    ExplorationResult result = explorer.run();
    assertThat(result.counterexample()).isEmpty();
    assertThat(result.tries()).isEqualTo(logs.size());
    return logs;
  }

  @Nested
  @DisplayName("Strategy.exhaustive(maxPreemptions)")
  class Exhaustive {

    private ExplorationResult explore(int tasks, int steps, int bound, List<List<String>> logs) {
      return Explorer.explore(() -> logs.add(racers(tasks, steps)))
          .strategy(Strategy.exhaustive(bound))
          .tries(10_000)
          .run();
    }

    /**
     * Spec 1.1's passes, modelled without Weft, to count schedules by brute force: every way to run
     * each pass (pick any task still waiting in it; the ones that yield join the tail, for the next
     * pass), with its log and its departures from asyncio's order (a pick other than the head of
     * the ready queue). Main is left out: it runs alone before and after the racers.
     */
    private void enumerate(
        List<String> queue,
        int leftInPass,
        int[] done,
        int steps,
        List<String> log,
        int departures,
        Map<List<String>, Integer> out) {
      if (leftInPass == 0) {
        if (queue.isEmpty()) {
          out.put(List.copyOf(log), departures);
          return;
        }
        leftInPass = queue.size();
      }
      for (int i = 0; i < leftInPass; i++) {
        List<String> next = new ArrayList<>(queue);
        String task = next.remove(i);
        int[] after = done.clone();
        after[task.charAt(0) - 'a']++;
        List<String> longer = new ArrayList<>(log);
        longer.add(task + after[task.charAt(0) - 'a']);
        if (after[task.charAt(0) - 'a'] < steps) {
          next.add(task);
        }
        enumerate(next, leftInPass - 1, after, steps, longer, departures + (i == 0 ? 0 : 1), out);
      }
    }

    private Set<List<String>> modelRuns(int tasks, int steps, int bound) {
      List<String> queue = new ArrayList<>();
      for (int t = 0; t < tasks; t++) {
        queue.add(String.valueOf((char) ('a' + t)));
      }
      Map<List<String>, Integer> all = new LinkedHashMap<>();
      enumerate(queue, 0, new int[tasks], steps, List.of(), 0, all);
      Set<List<String>> within = new HashSet<>();
      all.forEach(
          (log, departures) -> {
            if (departures <= bound) {
              within.add(log);
            }
          });
      return within;
    }

    @ParameterizedTest(name = "{0} tasks x {1} steps, at most {2} departures: {3} tries")
    @DisplayName("exhaustive(k) runs each schedule with at most k departures exactly once")
    @CsvSource({
      // Two tasks meet in each pass: one binary choice per pass, (1 + x)^3 -> 1, 3, 3, 1.
      "2, 3, 0, 1",
      "2, 3, 1, 4",
      "2, 3, 2, 7",
      "2, 3, 10, 8",
      // Three tasks in one pass: picks among 3 then 2; departures 0: 1 way, 1: 3, 2: 2.
      "3, 1, 0, 1",
      "3, 1, 1, 4",
      "3, 1, 2, 6",
      "3, 1, 10, 6",
      // Two such passes: (1 + 3x + 2x^2)^2 = 1 + 6x + 13x^2 + 12x^3 + 4x^4.
      "3, 2, 0, 1",
      "3, 2, 1, 7",
      "3, 2, 2, 20",
      "3, 2, 3, 32",
      "3, 2, 10, 36"
    })
    void exhaustiveRunsEachBoundedScheduleOnce(int tasks, int steps, int bound, int expected) {
      Set<List<String>> model = modelRuns(tasks, steps, bound);
      assertThat(model).as("brute force agrees with the count by hand").hasSize(expected);

      List<List<String>> logs = new ArrayList<>();
      ExplorationResult result = explore(tasks, steps, bound, logs);

      assertThat(result.tries()).isEqualTo(expected);
      assertThat(result.exhausted()).isTrue();
      assertThat(result.counterexample()).isEmpty();
      assertThat(new HashSet<>(logs)).as("no schedule tried twice").hasSize(logs.size());
      assertThat(new HashSet<>(logs)).isEqualTo(model);
    }

    @Test
    @DisplayName(
        "semantics §1.1: exhaustive(0) runs exactly one try, asyncio's round robin, and is exhausted")
    void boundZeroIsTheFifoRunOnly() {
      List<List<String>> logs = new ArrayList<>();
      ExplorationResult result = explore(3, 3, 0, logs);
      assertThat(result.tries()).isEqualTo(1);
      assertThat(result.exhausted()).isTrue();
      assertThat(logs)
          .containsExactly(List.of("a1", "b1", "c1", "a2", "b2", "c2", "a3", "b3", "c3"));
      assertThat(result.toString()).contains("explored completely");
    }

    @Test
    @DisplayName("a too small tries() stops the search before it is exhausted")
    void fewerTriesThanSchedulesIsNotExhausted() {
      ExplorationResult result =
          Explorer.explore(() -> racers(2, 3)).strategy(Strategy.exhaustive(10)).tries(5).run();
      assertThat(result.tries()).isEqualTo(5);
      assertThat(result.exhausted()).isFalse();
    }

    @Test
    @DisplayName("exhaustive enumerates Weft.choose(3) fully: 0, 1, 2, then exhausted")
    void dataChoicesAreEnumerated() {
      List<Integer> values = new ArrayList<>();
      ExplorationResult result =
          Explorer.explore(() -> values.add(Weft.choose(3)))
              .strategy(Strategy.exhaustive(0))
              .tries(100)
              .run();
      assertThat(values).containsExactly(0, 1, 2);
      assertThat(result.tries()).isEqualTo(3);
      assertThat(result.exhausted()).isTrue();
    }

    @ParameterizedTest(name = "at most {0} departures: {1} tries")
    @DisplayName("data choices do not count against the preemption bound")
    @CsvSource({"0, 3", "1, 12", "10, 24"})
    void dataChoicesCostNoPreemptions(int bound, int expected) {
      // choose(3), then two racers of 3 steps: 3 values times 1, 4 or 8 interleavings.
      List<String> runs = new ArrayList<>();
      ExplorationResult result =
          Explorer.explore(
                  () -> {
                    int value = Weft.choose(3);
                    runs.add(value + " " + racers(2, 3));
                  })
              .strategy(Strategy.exhaustive(bound))
              .tries(100)
              .run();
      assertThat(result.tries()).isEqualTo(expected);
      assertThat(result.exhausted()).isTrue();
      assertThat(new HashSet<>(runs)).hasSize(expected);
      Set<String> values = new TreeSet<>();
      runs.forEach(run -> values.add(run.substring(0, 1)));
      assertThat(values).containsExactly("0", "1", "2");
      // The FIFO interleaving comes with every value, though each departure costs one.
      for (String value : values) {
        assertThat(runs).contains(value + " [a1, b1, a2, b2, a3, b3]");
      }
    }

    @Test
    @DisplayName("Strategy.exhaustive javadoc: a negative bound is rejected")
    void negativeBoundIsRejected() {
      assertThatThrownBy(() -> Strategy.exhaustive(-1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("maxPreemptions must be 0 or more, but was -1");
      assertThat(Strategy.exhaustive(0)).hasToString("Strategy.exhaustive(0)");
    }
  }

  @Nested
  @DisplayName("Strategy.random()")
  class Random {

    private List<RunEvent> traced(Strategy strategy, long seed) {
      List<RunEvent> events = new ArrayList<>();
      Weft.run(
          RunOptions.defaults().strategy(strategy).seed(seed).listener(events::add),
          () -> {
            racers(3, 3);
            return Weft.choose(5);
          });
      return events;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.StrategyTests#seeded")
    @DisplayName("with a fixed seed a run is the same run, event for event; the seed" + " matters")
    void aSeedGivesTheSameRun(Strategy strategy) {
      Set<List<RunEvent>> distinct = new HashSet<>();
      for (long seed = 0; seed < 10; seed++) {
        List<RunEvent> first = traced(strategy, seed);
        assertThat(traced(strategy, seed)).as("%s, seed %d", strategy, seed).isEqualTo(first);
        assertThat(first).anyMatch(e -> e.kind() == RunEvent.Kind.CHOSE);
        distinct.add(first);
      }
      assertThat(distinct).as("runs of %s with seeds 0..9", strategy).hasSizeGreaterThan(5);
    }

    @Test
    @DisplayName("an exploration's tries are the same for the same seed")
    void anExplorationRepeatsItsTries() {
      List<List<String>> first = new ArrayList<>();
      List<List<String>> second = new ArrayList<>();
      List<List<String>> otherSeed = new ArrayList<>();
      logsOf(Explorer.explore(() -> first.add(racers(3, 2))).tries(30).seed(9), first);
      logsOf(Explorer.explore(() -> second.add(racers(3, 2))).tries(30).seed(9), second);
      logsOf(Explorer.explore(() -> otherSeed.add(racers(3, 2))).tries(30).seed(10), otherSeed);
      assertThat(second).isEqualTo(first);
      assertThat(otherSeed).isNotEqualTo(first);
      assertThat(new HashSet<>(first)).as("tries differ from each other").hasSizeGreaterThan(10);
    }

    @Test
    @DisplayName("over many tries random picks every candidate and every data value")
    void everyCandidateIndexGetsPicked() {
      Set<String> picks = new TreeSet<>();
      Set<String> firstPasses = new TreeSet<>();
      Set<String> values = new TreeSet<>();
      for (long seed = 0; seed < 60; seed++) {
        for (RunEvent event : traced(Strategy.random(), seed)) {
          if (event.kind() == RunEvent.Kind.CHOSE && event.detail().text().startsWith("picked")) {
            picks.add(event.detail().text());
          } else if (event.kind() == RunEvent.Kind.CHOSE) {
            values.add(event.detail().text());
          }
        }
        List<String> log = new ArrayList<>();
        Weft.run(
            RunOptions.defaults().strategy(Strategy.random()).seed(seed),
            () -> log.addAll(racers(3, 1)));
        firstPasses.add(String.join(" ", log));
      }
      assertThat(picks)
          .containsExactly(
              "picked 1 of 2 ready",
              "picked 1 of 3 ready",
              "picked 2 of 2 ready",
              "picked 2 of 3 ready",
              "picked 3 of 3 ready");
      assertThat(firstPasses)
          .containsExactly("a1 b1 c1", "a1 c1 b1", "b1 a1 c1", "b1 c1 a1", "c1 a1 b1", "c1 b1 a1");
      assertThat(values)
          .containsExactly(
              "choose(5) returned 0",
              "choose(5) returned 1",
              "choose(5) returned 2",
              "choose(5) returned 3",
              "choose(5) returned 4");
    }
  }
}
