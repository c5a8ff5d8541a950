package dev.weft.explore;

import static dev.weft.explore.ExplorerPrograms.departures;
import static dev.weft.explore.ExplorerPrograms.rowNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.Preemption;
import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.Strategy;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import dev.weft.explore.ExplorerPrograms.Sentinels;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * what each strategy finds. An order violation that asyncio's FIFO order (semantics §1.1, 2.1)
 * never shows; a lost update that only {@link Preemption#EVERY_OPERATION} exposes ; and an
 * exhaustive search of a correct program that ends.
 */
@DisplayName("Explorer strategies")
class ExplorerStrategyTests {

  static Stream<Strategy> searching() {
    return Stream.of(Strategy.random(), Strategy.pct(1), Strategy.pct(2), Strategy.exhaustive(1));
  }

  static Stream<Strategy> searchingAndPos() {
    return Stream.concat(searching(), Stream.of(Strategy.pos()));
  }

  @Nested
  @DisplayName(
      "an order violation asyncio's order never shows (semantics §2.1: tasks start in creation order)")
  class OrderViolation {
    @Test
    @DisplayName("fifo finds nothing in 50 tries: init always runs before use")
    void fifoFindsNothing() {
      ExplorationResult result =
          Explorer.explore(ExplorerPrograms::initThenUse).strategy(Strategy.fifo()).tries(50).run();

      assertThat(result.counterexample()).isEmpty();
      assertThat(result.tries()).isEqualTo(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.explore.ExplorerStrategyTests#searching")
    @DisplayName("random, pct and exhaustive each find use running before init")
    void othersFindIt(Strategy strategy) {
      ExplorationResult result =
          Explorer.explore(ExplorerPrograms::initThenUse).strategy(strategy).tries(100).run();

      assertThat(result.counterexample()).isPresent();
      Counterexample found = result.counterexample().get();
      assertThat(found.failure())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("use ran before init");
      assertThat(found.toString())
          .contains("Failure (from task use)")
          .contains(strategy.toString());
    }

    @Test
    @DisplayName("exhaustive(1)'s minimal schedule is the single departure: run use, the 2nd ready")
    void exhaustiveMinimalIsOneDeparture() {
      Counterexample found =
          Explorer.explore(ExplorerPrograms::initThenUse)
              .strategy(Strategy.exhaustive(1))
              .run()
              .counterexample()
              .orElseThrow();

      // main suspends in gather with [init, use] ready: index 1 is use, the one departure
      assertThat(found.minimal()).isEqualTo(Schedule.parse("1:use"));
      assertThat(departures(found.minimal())).isEqualTo(1);
      assertThat(found.timeline()).containsPattern("use +#2\\* @0s FAILED");
      // one row per task in creation order, though use ran before init
      assertThat(rowNames(found.timeline())).containsExactly("main", "init", "use");
    }
  }

  @Nested
  @DisplayName(
      "a task's step before a plain callback of its pass: a task group cancels a sibling by a done"
          + " callback, which the sibling's step may precede")
  class StepBeforeCallback {
    @Test
    @DisplayName("fifo finds nothing: the callback was ready first")
    void fifoFindsNothing() {
      ExplorationResult result =
          Explorer.explore(ExplorerPrograms::chargeAfterDecline)
              .strategy(Strategy.fifo())
              .tries(20)
              .run();

      assertThat(result.counterexample()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.weft.explore.ExplorerStrategyTests#searchingAndPos")
    @DisplayName("random, pct, pos and exhaustive each find the charge that runs first")
    void othersFindIt(Strategy strategy) {
      ExplorationResult result =
          Explorer.explore(ExplorerPrograms::chargeAfterDecline)
              .strategy(strategy)
              .tries(100)
              .run();

      assertThat(result.counterexample()).isPresent();
      assertThat(result.counterexample().get().failure()).hasMessage("charged a declined card");
    }
  }

  @Nested
  @DisplayName("a lost update between a read and a write (Preemption)")
  class LostUpdate {
    @ParameterizedTest(name = "{0} between read and write")
    @ValueSource(strings = {"checkpoint", "putNowait"})
    @DisplayName("COOPERATIVE: 300 random tries pass; the code between two suspensions is atomic")
    void cooperativeRandomFindsNothing(String between) {
      ExplorationResult result =
          Explorer.explore(ExplorerPrograms.lostUpdate(between)).tries(300).run();

      assertThat(result.counterexample()).isEmpty();
    }

    @ParameterizedTest(name = "{0} between read and write")
    @ValueSource(strings = {"checkpoint", "putNowait"})
    @DisplayName("COOPERATIVE: exhaustive(2) explores its whole space with no counterexample")
    void cooperativeExhaustiveIsExhausted(String between) {
      ExplorationResult result =
          Explorer.explore(ExplorerPrograms.lostUpdate(between))
              .strategy(Strategy.exhaustive(2))
              .tries(1_000)
              .run();

      assertThat(result.counterexample()).isEmpty();
      assertThat(result.exhausted()).isTrue();
      assertThat(result.tries()).isBetween(2, 999);
    }

    @ParameterizedTest(name = "{0} between read and write")
    @ValueSource(strings = {"checkpoint", "putNowait"})
    @DisplayName("EVERY_OPERATION: random finds it, shrunk to one switch at the operation")
    void everyOperationRandomFindsIt(String between) {
      Counterexample found =
          Explorer.explore(ExplorerPrograms.lostUpdate(between))
              .preemption(Preemption.EVERY_OPERATION)
              .tries(300)
              .run()
              .counterexample()
              .orElseThrow();

      assertThat(found.failure())
          .isInstanceOf(AssertionError.class)
          .hasMessage("lost update: counter is 1, expected 2");
      assertThat(departures(found.minimal())).isEqualTo(1);
      assertThat(found.minimal().toString()).contains("p1");
      assertThat(found.timeline()).contains("switched out");
    }

    @ParameterizedTest(name = "{0} between read and write")
    @ValueSource(strings = {"checkpoint", "putNowait"})
    @DisplayName(
        "EVERY_OPERATION: exhaustive(1) finds it; the minimal schedule carries the preemption mode,"
            + " so the replay line and a plain replay need not set it")
    void everyOperationExhaustiveFindsIt(String between) {
      ThrowingRunnable scenario = ExplorerPrograms.lostUpdate(between);
      Counterexample found =
          Explorer.explore(scenario)
              .strategy(Strategy.exhaustive(1))
              .preemption(Preemption.EVERY_OPERATION)
              .run()
              .counterexample()
              .orElseThrow();

      Throwable replayed =
          catchThrowable(() -> Weft.run(RunOptions.defaults().replay(found.minimal()), scenario));

      assertThat(found.failure()).isInstanceOf(AssertionError.class);
      assertThat(replayed)
          .isInstanceOf(AssertionError.class)
          .hasMessage(found.failure().getMessage());
      assertThat(found.minimal().toString()).startsWith("every-operation: ");
      assertThat(found.minimal().preemption()).contains(Preemption.EVERY_OPERATION);
      assertThat(found.toString())
          .contains(
              "Weft.run(RunOptions.defaults().replay(Schedule.parse(\""
                  + found.minimal()
                  + "\")).maxSteps(100000), scenario);")
          .contains("every operation");
    }
  }

  @Nested
  @DisplayName("exhaustive search of a correct program ends")
  class ExhaustiveEnds {
    @Test
    @DisplayName("exhaustive(0) runs only asyncio's order: 1 try, exhausted")
    void zeroPreemptionsIsOneTry() {
      Set<String> orders = new LinkedHashSet<>();

      ExplorationResult result =
          Explorer.explore(ExplorerPrograms.threeAppenders(orders))
              .strategy(Strategy.exhaustive(0))
              .run();

      assertThat(result.exhausted()).isTrue();
      assertThat(result.tries()).isEqualTo(1);
      assertThat(orders).containsExactly("abc");
    }

    @Test
    @DisplayName("exhaustive(1) sees exactly the 4 orders with at most one departure from a, b, c")
    void onePreemptionSeesFourOrders() {
      Set<String> orders = new LinkedHashSet<>();

      ExplorationResult result =
          Explorer.explore(ExplorerPrograms.threeAppenders(orders))
              .strategy(Strategy.exhaustive(1))
              .tries(1_000)
              .run();

      // first pick of [a, b, c] at index 0, 1 or 2, then of the other two: cost 1 per index > 0
      assertThat(orders).containsExactlyInAnyOrder("abc", "acb", "bac", "cab");
      assertThat(result.exhausted()).isTrue();
      assertThat(result.counterexample()).isEmpty();
      assertThat(result.tries()).isLessThan(1_000);
    }

    @Test
    @DisplayName(
        "exhaustive(2) sees all 6 orders of three tasks and stops short of the tries limit")
    void twoPreemptionsSeeAllOrders() {
      Set<String> orders = new LinkedHashSet<>();

      ExplorationResult result =
          Explorer.explore(ExplorerPrograms.threeAppenders(orders))
              .strategy(Strategy.exhaustive(2))
              .tries(1_000)
              .run();

      assertThat(orders).containsExactlyInAnyOrder("abc", "acb", "bac", "bca", "cab", "cba");
      assertThat(result.exhausted()).isTrue();
      assertThat(result.tries()).isLessThan(1_000);
    }

    @Test
    @DisplayName(
        "semantics §4.2 correct program, exhaustive(0): one try per pair of counts, 25 in all")
    void dataChoicesAreTriedInFull() {
      Sentinels program = new Sentinels(true);

      ExplorationResult result =
          Explorer.explore(program::main).strategy(Strategy.exhaustive(0)).run();

      assertThat(result.exhausted()).isTrue();
      assertThat(result.tries()).isEqualTo(25);
      assertThat(program.countsSeen).hasSize(25);
    }

    @Test
    @DisplayName("semantics §4.2 correct program, exhaustive(1): exhausted, no counterexample")
    void correctProducerConsumerIsExhausted() {
      ExplorationResult result =
          Explorer.explore(() -> new Sentinels(true).main())
              .strategy(Strategy.exhaustive(1))
              .tries(5_000)
              .run();

      assertThat(result.counterexample()).isEmpty();
      assertThat(result.exhausted()).isTrue();
      assertThat(result.tries()).isGreaterThan(25).isLessThan(5_000);
    }
  }
}
