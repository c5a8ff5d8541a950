package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.Strategy;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.internal.search.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Shrinker}: its {@code normalize}, its replay budget, and how the schedule it starts from
 * is reported. (How far schedules shrink is in {@code dev.weft.ShrinkingTests}.)
 */
class ShrinkerTests {

  private static Choice task(int value, String name) {
    return new Choice(Choice.Kind.TASK, value, 3, name);
  }

  private static Choice preempt(int value) {
    return new Choice(Choice.Kind.PREEMPT, value, 2, null);
  }

  private static Choice data(int value, int bound) {
    return new Choice(Choice.Kind.DATA, value, bound, null);
  }

  /** The choices as text, with the task names and option counts that equality leaves out. */
  private static List<String> text(List<Choice> choices) {
    List<String> out = new ArrayList<>();
    for (Choice choice : choices) {
      out.add(choice.toString());
    }
    return out;
  }

  @Nested
  class Normalize {
    @Test
    void nothingStaysNothing() {
      assertThat(Shrinker.normalize(List.of())).isEmpty();
    }

    @Test
    void trailingDefaultsOfEveryKindAreDropped() {
      List<Choice> choices =
          List.of(data(4, 10), task(0, null), preempt(0), data(0, 5), task(0, "A"));

      assertThat(text(Shrinker.normalize(choices))).containsExactly("DATA=4/10");
    }

    @Test
    void defaultsBeforeTheLastDepartureOrValueStay() {
      List<Choice> choices = List.of(data(0, 10), preempt(0), task(0, null), preempt(1));

      assertThat(text(Shrinker.normalize(choices)))
          .containsExactly("DATA=0/10", "PREEMPT=0/2", "TASK=0/3", "PREEMPT=1/2");
    }

    @Test
    void aDefaultTaskChoiceForgetsItsTaskAndADepartingOneKeepsIt() {
      List<Choice> choices = List.of(task(0, "A"), task(2, "C"), task(0, "B"), data(1, 2));

      assertThat(text(Shrinker.normalize(choices)))
          .containsExactly("TASK=0/3", "TASK=2:C/3", "TASK=0/3", "DATA=1/2");
    }

    @Test
    void aScheduleOfDefaultsOnlyIsEmpty() {
      assertThat(Shrinker.normalize(List.of(task(0, "A"), preempt(0), data(0, 3)))).isEmpty();
    }

    @Test
    void theGivenListIsLeftAsItWas() {
      List<Choice> choices = new ArrayList<>(List.of(task(0, "A"), data(3, 5), data(0, 5)));

      List<Choice> normalized = Shrinker.normalize(choices);
      normalized.clear();

      assertThat(text(choices)).containsExactly("TASK=0:A/3", "DATA=3/5", "DATA=0/5");
    }
  }

  @Nested
  class Budget {
    /** Fails iff {@code choose(1000)} returns 400 or more: from 799, only steps of one shrink. */
    private final AtomicInteger runs = new AtomicInteger();

    private void failsFrom400() {
      runs.incrementAndGet();
      int value = Weft.choose(1000);
      if (value >= 400) {
        throw new IllegalStateException("value " + value);
      }
    }

    private Counterexample shrunkFrom799(boolean checkDeterminism) {
      return Explorer.explore(this::failsFrom400)
          .strategy(Strategy.replay(Schedule.parse("d799")))
          .tries(1)
          .checkDeterminism(checkDeterminism)
          .run()
          .counterexample()
          .orElseThrow();
    }

    @Test
    void shrinkingStopsAfterTheBudgetOfReplays() {
      Counterexample found = shrunkFrom799(false);

      // One try, the shrinker's budget of 500 replays, one traced replay of the minimal schedule.
      assertThat(runs.get()).isEqualTo(1 + 500 + 1);
      assertThat(found.toString()).contains("(1 choice, shrunk from 1 in 500 replays)");
      int minimal =
          Weft.run(RunOptions.defaults().replay(found.minimal()), () -> Weft.choose(1000));
      assertThat(minimal).isBetween(401, 798);
      assertThat(found.failure()).hasMessage("value " + minimal);
    }

    @Test
    void theDeterminismCheckReplaysTwiceMoreOutsideTheBudget() {
      Counterexample found = shrunkFrom799(true);

      assertThat(runs.get()).isEqualTo(1 + 500 + 3);
      assertThat(found.toString())
          .contains("in 500 replays")
          .contains("Replayed twice more, with identical traces.");
    }
  }

  @Nested
  class FoundSchedule {
    @Test
    void theScheduleAsFoundIsReportedWithoutItsTrailingDefaults() {
      Counterexample found =
          Explorer.explore(
                  () -> {
                    int first = Weft.choose(10);
                    Weft.choose(10);
                    Weft.choose(10);
                    if (first >= 5) {
                      throw new IllegalStateException("first " + first);
                    }
                  })
              .strategy(Strategy.replay(Schedule.parse("d7 d0 d0")))
              .tries(1)
              .run()
              .counterexample()
              .orElseThrow();

      assertThat(found.schedule()).hasToString("d7");
      assertThat(found.minimal()).hasToString("d5");
    }

    @Test
    void anAcceptedScheduleIsWhatItsRunDecidedWithTheTaskItPicked() {
      // Fails when B or D runs first. Found picking D; halving its index to 1 picks B and fails.
      Counterexample found =
          Explorer.explore(
                  () -> {
                    List<String> log = new ArrayList<>();
                    List<Task<Void>> tasks = new ArrayList<>();
                    for (String name : List.of("A", "B", "C", "D")) {
                      tasks.add(
                          Weft.spawn(
                              name,
                              () -> {
                                log.add(name);
                              }));
                    }
                    Weft.gather(tasks);
                    if (log.get(0).equals("B") || log.get(0).equals("D")) {
                      throw new IllegalStateException(log.get(0) + " ran first: " + log);
                    }
                  })
              .strategy(Strategy.replay(Schedule.parse("3")))
              .tries(1)
              .run()
              .counterexample()
              .orElseThrow();

      assertThat(found.schedule()).hasToString("3:D");
      assertThat(found.minimal()).hasToString("1:B");
      assertThat(found.failure()).hasMessage("B ran first: [B, A, C, D]");
    }
  }
}
