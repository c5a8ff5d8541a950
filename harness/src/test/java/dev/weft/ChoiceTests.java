package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Weft.choose(bound)} draws a value from the run's schedule (0 by default), and {@code
 * RunOptions} configures strategy, preemption and seed as an immutable value.
 */
class ChoiceTests {

  /** Calls choose(bound) {@code times} times in main and returns the values. */
  private static List<Integer> draws(RunOptions options, int bound, int times) {
    return Weft.run(
        options,
        () -> {
          List<Integer> values = new ArrayList<>();
          for (int i = 0; i < times; i++) {
            values.add(Weft.choose(bound));
          }
          return values;
        });
  }

  /** The CHOSE events of running {@code program} under {@code options}, as text. */
  private static List<String> choseEvents(RunOptions options, ThrowingRunnable program) {
    List<RunEvent> events = new ArrayList<>();
    Weft.run(
        options.listener(events::add),
        () -> {
          program.run();
          return null;
        });
    return events.stream()
        .filter(e -> e.kind() == RunEvent.Kind.CHOSE)
        .map(RunEvent::toString)
        .collect(Collectors.toList());
  }

  @Nested
  @DisplayName("Weft.choose")
  class Choose {

    @Test
    @DisplayName("a plain run (FIFO) takes the default, 0, every time")
    void plainRunChoosesZero() {
      assertThat(draws(RunOptions.defaults(), 7, 5)).containsExactly(0, 0, 0, 0, 0);
      assertThat(Weft.run(() -> Weft.choose(2) + Weft.choose(1_000_000))).isZero();
    }

    @ParameterizedTest(name = "choose({0})")
    @ValueSource(ints = {0, -3, Integer.MIN_VALUE})
    @DisplayName(
        "Public API contract (misuse): choose(0) and choose(-3) name the bound and the rule")
    void boundBelowOneIsRejected(int bound) {
      assertThatThrownBy(() -> Weft.run(() -> Weft.choose(bound)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bound")
          .hasMessageContaining("1 or more")
          .hasMessageContaining("was " + bound);
    }

    @Test
    @DisplayName("Public API contract (misuse): choose outside a run is an IllegalStateException")
    void outsideARunIsRejected() {
      assertThatThrownBy(() -> Weft.choose(3))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Weft.choose")
          .hasMessageContaining("Weft.run");
    }

    @Test
    @DisplayName("choose(1) returns 0 without taking a choice of the schedule")
    void boundOneMakesNoChoice() {
      // Replaying "d5": if choose(1) took the d5 (and could not use it), choose(10) would get 0.
      List<Integer> values =
          Weft.run(
              RunOptions.defaults().replay(Schedule.parse("d5")),
              () -> List.of(Weft.choose(1), Weft.choose(1), Weft.choose(10), Weft.choose(10)));
      assertThat(values).containsExactly(0, 0, 5, 0);

      // A random run reports a CHOSE event for choose(10), none for choose(1).
      List<String> chose =
          choseEvents(
              RunOptions.defaults().strategy(Strategy.random()).seed(3),
              () -> {
                for (int i = 0; i < 20; i++) {
                  assertThat(Weft.choose(1)).isZero();
                }
                Weft.choose(10);
              });
      assertThat(chose).hasSize(1);
      assertThat(chose.get(0)).startsWith("0s main CHOSE choose(10) returned ");
    }

    @Test
    @DisplayName("a replayed dN is what choose returns; past the end, 0")
    void replayedDataValues() {
      assertThat(draws(RunOptions.defaults().replay(Schedule.parse("d3 d1 d4*2")), 5, 6))
          .containsExactly(3, 1, 4, 4, 0, 0);
    }

    @Test
    @DisplayName("under Strategy.random() values stay in [0, bound)")
    void randomValuesAreInRange() {
      for (long seed = 0; seed < 20; seed++) {
        List<Integer> values =
            draws(RunOptions.defaults().strategy(Strategy.random()).seed(seed), 3, 30);
        assertThat(values).allSatisfy(v -> assertThat(v).isBetween(0, 2));
        // 30 uniform draws from 3 values: each value turns up (a miss is ~1e-5 per seed).
        assertThat(values).contains(0, 1, 2);
      }
    }

    @Test
    @DisplayName("the same seed gives the same values; seeds 1 and 2 differ")
    void sameSeedSameValues() {
      RunOptions one = RunOptions.defaults().strategy(Strategy.random()).seed(1);
      RunOptions two = RunOptions.defaults().strategy(Strategy.random()).seed(2);

      List<Integer> first = draws(one, 1000, 20);
      assertThat(draws(one, 1000, 20)).isEqualTo(first);
      assertThat(draws(RunOptions.defaults().seed(1).strategy(Strategy.random()), 1000, 20))
          .isEqualTo(first);
      assertThat(draws(two, 1000, 20)).isNotEqualTo(first);
      assertThat(first).isNotEqualTo(draws(RunOptions.defaults(), 1000, 20));
    }
  }

  @Nested
  @DisplayName("RunOptions strategy, preemption, seed")
  class Options {

    @Test
    @DisplayName("defaults() are strategy fifo, COOPERATIVE, seed 0")
    void defaults() {
      RunOptions defaults = RunOptions.defaults();

      assertThat(defaults.strategy()).isSameAs(Strategy.fifo());
      assertThat(defaults.strategy()).hasToString("Strategy.fifo()");
      assertThat(defaults.preemption()).isEqualTo(Preemption.COOPERATIVE);
      assertThat(defaults.seed()).isZero();
    }

    @Test
    @DisplayName("RunOptions are immutable; each call returns a new value")
    void immutable() {
      RunOptions base = RunOptions.defaults();
      Strategy random = Strategy.random();

      RunOptions changed =
          base.strategy(random).preemption(Preemption.EVERY_OPERATION).seed(42).maxSteps(9);

      assertThat(changed).isNotSameAs(base);
      assertThat(changed.strategy()).isSameAs(random);
      assertThat(changed.preemption()).isEqualTo(Preemption.EVERY_OPERATION);
      assertThat(changed.seed()).isEqualTo(42);
      assertThat(changed.maxSteps()).isEqualTo(9);
      // the original and the shared defaults are untouched
      for (RunOptions untouched : List.of(base, RunOptions.defaults())) {
        assertThat(untouched.strategy()).isSameAs(Strategy.fifo());
        assertThat(untouched.preemption()).isEqualTo(Preemption.COOPERATIVE);
        assertThat(untouched.seed()).isZero();
        assertThat(untouched.maxSteps()).isEqualTo(1_000_000);
      }
      // settings made earlier survive later calls of other setters
      RunOptions listened = changed.listener(e -> {}).failOnLeftoverTasks(true);
      assertThat(listened.strategy()).isSameAs(random);
      assertThat(listened.preemption()).isEqualTo(Preemption.EVERY_OPERATION);
      assertThat(listened.seed()).isEqualTo(42);
    }

    @Test
    @DisplayName("replay(s) is strategy(Strategy.replay(s))")
    void replayIsAStrategy() {
      RunOptions replay = RunOptions.defaults().replay(Schedule.parse("1:B d2"));

      assertThat(replay.strategy())
          .hasToString("Strategy.replay(Schedule.parse(\"1:B d2\"))")
          .hasToString(Strategy.replay(Schedule.parse("1:B d2")).toString());
    }

    @Test
    @DisplayName(
        "Public API contract (misuse): strategy(null) names the argument and the factories")
    void nullStrategyIsRejected() {
      assertThatThrownBy(() -> RunOptions.defaults().strategy(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("strategy")
          .hasMessageContaining("fifo, random, pct, pos, exhaustive, replay")
          .hasMessageContaining("null");
    }

    @Test
    @DisplayName("Public API contract (misuse): a user's own Strategy class is rejected by name")
    void userStrategyIsRejected() {
      Strategy own = new Strategy() {};

      assertThatThrownBy(() -> RunOptions.defaults().strategy(own))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must come from Strategy's factories")
          .hasMessageContaining("fifo, random, pct, pos, exhaustive, replay")
          .hasMessageContaining(own.getClass().getName());
    }

    @Test
    @DisplayName("Public API contract (misuse): preemption(null) and replay(null) are rejected")
    void nullPreemptionAndReplayAreRejected() {
      assertThatThrownBy(() -> RunOptions.defaults().preemption(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("preemption")
          .hasMessageContaining("null");
      assertThatThrownBy(() -> RunOptions.defaults().replay(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("schedule")
          .hasMessageContaining("null");
    }

    @Test
    @DisplayName("Public API contract (misuse): pct(0) and exhaustive(-1) name the bound")
    void strategyFactoriesCheckTheirArguments() {
      assertThatThrownBy(() -> Strategy.pct(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("depth must be 1 or more, but was 0");
      assertThatThrownBy(() -> Strategy.exhaustive(-1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("maxPreemptions must be 0 or more, but was -1");
      assertThatThrownBy(() -> Strategy.replay(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("schedule must not be null");
    }
  }
}
