package dev.weft.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Preemption;
import dev.weft.Strategy;
import dev.weft.Task;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exhaustive search's partial-order reduction (sleep sets): on small spaces it runs exactly the
 * counted schedules, each a distinct trace, reaches every outcome the unreduced search reaches, and
 * finds every bug the unreduced search finds.
 */
class ExhaustiveReductionTests {

  /**
   * Three sleepers whose timers fire in one pass (semantics §1.3), then log in the order they wake,
   * and main. Their three timers are Weft's own callbacks on different futures: they commute.
   */
  private static List<String> sleepers(int count) {
    List<String> log = new ArrayList<>();
    List<Task<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      String name = "s" + t;
      tasks.add(
          Weft.spawn(
              name,
              () -> {
                Weft.sleep(Duration.ofMillis(10));
                log.add(name);
              }));
    }
    Weft.gather(tasks);
    return log;
  }

  private static ExplorationResult explore(
      ThrowingRunnable scenario, int bound, boolean reduce, Preemption preemption) {
    return Explorer.explore(scenario)
        .strategy(new ExhaustiveStrategy(bound, reduce))
        .preemption(preemption)
        .tries(100_000)
        .checkDeterminism(false)
        .run();
  }

  private static Set<List<String>> outcomes(int count, int bound, boolean reduce, int[] tries) {
    Set<List<String>> outcomes = new HashSet<>();
    ExplorationResult result =
        explore(() -> outcomes.add(sleepers(count)), bound, reduce, Preemption.COOPERATIVE);
    assertThat(result.exhausted()).isTrue();
    tries[0] = result.tries();
    tries[1] = result.distinctTraces().orElseThrow();
    return outcomes;
  }

  @ParameterizedTest(name = "{0} sleepers, at most {1} departures: {2} schedules, {3} reduced")
  @DisplayName(
      "commuting timers are ordered once: the reduced search runs fewer schedules, one per trace,"
          + " and reaches the same outcomes")
  @MethodSource("sleeperCounts")
  void commutingTimersAreOrderedOnce(int count, int bound, int unreduced, int reduced, int traces) {
    int[] plain = new int[2];
    int[] slept = new int[2];
    Set<List<String>> all = outcomes(count, bound, false, plain);
    Set<List<String>> reducedOutcomes = outcomes(count, bound, true, slept);

    assertThat(plain[0]).isEqualTo(unreduced);
    assertThat(plain[1]).as("distinct traces among the unreduced schedules").isEqualTo(traces);
    assertThat(slept[0]).isEqualTo(reduced);
    assertThat(slept[1]).as("each reduced schedule is a distinct trace").isEqualTo(reduced);
    assertThat(reducedOutcomes).isEqualTo(all);
  }

  static Stream<Arguments> sleeperCounts() {
    return Stream.of(
        Arguments.of(2, 1, 5, 4, 4),
        Arguments.of(2, 2, 11, 7, 7),
        Arguments.of(3, 1, 13, 10, 10),
        Arguments.of(3, 2, 75, 43, 43),
        Arguments.of(3, 3, 255, 106, 106));
  }

  /** Two deposits that wake from the same timer pass, read, await, and write: one is lost. */
  private static void lostUpdateAfterSleeps() {
    int[] balance = {0};
    List<Task<Void>> tasks = new ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      tasks.add(
          Weft.spawn(
              name,
              () -> {
                Weft.sleep(Duration.ofMillis(name.equals("c") ? 20 : 10));
                int read = balance[0];
                if (!name.equals("a")) {
                  Weft.sleep(Duration.ofMillis(5));
                }
                balance[0] = read + 1;
              }));
    }
    Weft.gather(tasks);
    if (balance[0] != 3) {
      throw new AssertionError("balance " + balance[0]);
    }
  }

  /** A deadline that fires while a holder awaits between acquire and release leaks a permit. */
  private static void timeoutLeak() {
    dev.weft.Semaphore permits = new dev.weft.Semaphore("permits", 1);
    List<Task<String>> calls = new ArrayList<>();
    for (String name : List.of("r0", "r1")) {
      calls.add(
          Weft.spawn(
              name,
              () -> {
                try {
                  return Weft.withTimeout(
                      Duration.ofMillis(10),
                      () -> {
                        permits.acquire();
                        Weft.sleep(Duration.ofMillis(10 * Weft.choose(2)));
                        try {
                          return "ok";
                        } finally {
                          permits.release();
                        }
                      });
                } catch (dev.weft.TimedOutException timedOut) {
                  return "timed out";
                }
              }));
    }
    Weft.gather(calls);
    if (permits.availablePermits() != 1) {
      throw new AssertionError("a permit leaked");
    }
  }

  /** Two tasks meet in a rendezvous of sleeps and a lock, taken in opposite orders. */
  private static void lockOrderAfterSleeps() {
    dev.weft.Lock x = new dev.weft.Lock("x");
    dev.weft.Lock y = new dev.weft.Lock("y");
    Task<Void> one =
        Weft.spawn(
            "one",
            () -> {
              Weft.sleep(Duration.ofMillis(10));
              x.acquire();
              Weft.sleep(Duration.ofMillis(10));
              y.acquire();
              y.release();
              x.release();
            });
    Task<Void> two =
        Weft.spawn(
            "two",
            () -> {
              Weft.sleep(Duration.ofMillis(10));
              Weft.yieldNow();
              y.acquire();
              Weft.sleep(Duration.ofMillis(10));
              x.acquire();
              x.release();
              y.release();
            });
    Weft.gather(one, two);
  }

  static Stream<Arguments> bugs() {
    return Stream.of(
        Arguments.of("lost update after sleeps", (ThrowingRunnable) () -> lostUpdateAfterSleeps()),
        Arguments.of("timeout leaks a permit", (ThrowingRunnable) () -> timeoutLeak()),
        Arguments.of("lock order after sleeps", (ThrowingRunnable) () -> lockOrderAfterSleeps()),
        Arguments.of(
            "three sleepers must wake in order",
            (ThrowingRunnable)
                () -> {
                  if (!sleepers(3).equals(List.of("s0", "s1", "s2"))) {
                    throw new AssertionError("woke out of order");
                  }
                }));
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName(
      "sound: for every bound, the reduced search finds each bug the unreduced search finds, in no"
          + " more tries")
  @MethodSource("bugs")
  void theReductionFindsEveryBugTheFullSearchFinds(String name, ThrowingRunnable bug) {
    for (int bound = 0; bound <= 3; bound++) {
      for (Preemption preemption : Preemption.values()) {
        ExplorationResult full = explore(bug, bound, false, preemption);
        ExplorationResult reduced = explore(bug, bound, true, preemption);
        assertThat(reduced.counterexample().isPresent())
            .as("%s, bound %d, %s: found by the unreduced search", name, bound, preemption)
            .isEqualTo(full.counterexample().isPresent());
        assertThat(reduced.tries()).isLessThanOrEqualTo(full.tries());
        if (full.counterexample().isPresent()) {
          assertThat(reduced.counterexample().get().failure())
              .hasSameClassAs(full.counterexample().get().failure());
        }
      }
    }
    // and each is found at all
    assertThat(explore(bug, 3, true, Preemption.COOPERATIVE).counterexample()).isPresent();
  }

  /**
   * A program generated from {@code seed}: two or three tasks, each logging, sleeping until one of
   * two shared moments, yielding, or gathering a helper that sleeps, in a generated order; main
   * gathers them, sometimes after a sleep of its own. The log is the outcome.
   */
  private static List<String> generated(long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    List<String> log = new ArrayList<>();
    List<Task<Void>> tasks = new ArrayList<>();
    int count = 2 + random.nextInt(2);
    for (int t = 0; t < count; t++) {
      String name = "t" + t;
      int[] steps = random.ints(1 + random.nextInt(3), 0, 4).toArray();
      long[] delays = random.longs(steps.length, 1, 3).map(d -> d * 10).toArray();
      tasks.add(
          Weft.spawn(
              name,
              () -> {
                for (int i = 0; i < steps.length; i++) {
                  log.add(name + "." + i);
                  switch (steps[i]) {
                    case 0:
                      Weft.sleep(Duration.ofMillis(delays[i]));
                      break;
                    case 1:
                      Weft.yieldNow();
                      break;
                    case 2:
                      long delay = delays[i];
                      Weft.gather(
                          Weft.spawn(name + "h" + i, () -> Weft.sleep(Duration.ofMillis(delay))));
                      break;
                    default:
                      break;
                  }
                }
                log.add(name + " done");
              }));
    }
    if (random.nextBoolean()) {
      Weft.sleep(Duration.ofMillis(10));
      log.add("main woke");
    }
    Weft.gather(tasks);
    return log;
  }

  @Test
  @DisplayName(
      "sound on generated programs: for bounds 0 to 2, the reduced search reaches every outcome"
          + " the unreduced search reaches")
  void theReductionReachesEveryOutcomeOnGeneratedPrograms() {
    int[] schedules = new int[2];
    for (long seed = 0; seed < 20; seed++) {
      long program = seed;
      for (int bound = 0; bound <= 2; bound++) {
        Set<List<String>> all = new java.util.LinkedHashSet<>();
        Set<List<String>> reduced = new java.util.LinkedHashSet<>();
        ExplorationResult full =
            explore(() -> all.add(generated(program)), bound, false, Preemption.COOPERATIVE);
        ExplorationResult fewer =
            explore(() -> reduced.add(generated(program)), bound, true, Preemption.COOPERATIVE);

        assertThat(full.exhausted()).isTrue();
        assertThat(fewer.exhausted()).isTrue();
        assertThat(reduced).as("program %d, bound %d", program, bound).isEqualTo(all);
        assertThat(fewer.tries()).isLessThanOrEqualTo(full.tries());
        schedules[0] += full.tries();
        schedules[1] += fewer.tries();
      }
    }
    // The programs give the reduction something to skip, so the comparison is not vacuous.
    assertThat(schedules[1]).isLessThan(schedules[0]);
  }

  @Test
  @DisplayName("tasks' steps never commute: racers keep every schedule (semantics §1.1)")
  void tasksStepsNeverCommute() {
    ExplorationResult result =
        explore(() -> dev.weft.TestPrograms.racers(3, 2), 2, true, Preemption.COOPERATIVE);
    assertThat(result.tries()).isEqualTo(20);
    assertThat(result.distinctTraces()).hasValue(20);
  }

  @Test
  @DisplayName("Strategy.exhaustive(k) reduces, and other strategies count no traces")
  void theFactoryReduces() {
    ExplorationResult reduced =
        Explorer.explore(() -> sleepers(3)).strategy(Strategy.exhaustive(2)).tries(1000).run();
    ExplorationResult plain = explore(() -> sleepers(3), 2, false, Preemption.COOPERATIVE);
    assertThat(reduced.tries()).isLessThan(plain.tries());
    assertThat(Explorer.explore(() -> sleepers(2)).tries(3).run().distinctTraces()).isEmpty();
  }
}
