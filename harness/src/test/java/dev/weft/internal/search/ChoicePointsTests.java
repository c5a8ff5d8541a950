package dev.weft.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link ChoicePoints} against a hand-written {@link LoopView}, and the replaying {@link Chooser}
 * the shrinker uses: what is decided, what is recorded, and how a replay says it diverged.
 */
class ChoicePointsTests {

  /** A loop whose ready callbacks are {@code names} in order; {@code null} is a plain callback. */
  private static final class View implements LoopView {
    private final List<String> names;

    View(String... names) {
      this.names = Arrays.asList(names);
    }

    @Override
    public int readyCount() {
      return names.size();
    }

    @Override
    public int candidateTask(int index) {
      return names.get(index) == null ? -1 : index + 1;
    }

    @Override
    public String candidateName(int index) {
      return names.get(index);
    }

    @Override
    public int runningTask() {
      return 0;
    }

    @Override
    public String runningName() {
      return "main";
    }

    @Override
    public long nanos() {
      return 0;
    }
  }

  /** Answers every question with {@code answer} and counts the questions. */
  private static final class Fixed extends Chooser {
    private final int answer;
    final List<String> asked = new ArrayList<>();

    Fixed(int answer) {
      this.answer = answer;
    }

    @Override
    int pickTask(LoopView view, int candidates) {
      asked.add("pickTask(" + candidates + ")");
      return answer;
    }

    @Override
    boolean preempt(LoopView view) {
      asked.add("preempt");
      return answer == 1;
    }

    @Override
    int data(LoopView view, int bound) {
      asked.add("data(" + bound + ")");
      return answer;
    }
  }

  private static Choice task(int value, String name) {
    return new Choice(Choice.Kind.TASK, value, 0, name);
  }

  private static Choice preempt(int value) {
    return new Choice(Choice.Kind.PREEMPT, value, 0, null);
  }

  private static Choice data(int value) {
    return new Choice(Choice.Kind.DATA, value, 0, null);
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
  class WithoutAChooser {
    private final ChoicePoints points = new ChoicePoints(new View("A", "B"), null, true, false);

    @Test
    void everyChoiceIsItsDefault() {
      assertThat(points.decides()).isFalse();
      assertThat(points.switchesAtOperations()).isFalse();
      assertThat(points.pick(2)).isZero();
      assertThat(points.switchHere()).isFalse();
      assertThat(points.chooseData(7)).isZero();
      assertThat(points.choices()).isEmpty();
    }
  }

  @Nested
  class Recording {
    @Test
    void eachChoiceIsRecordedWithItsOptionsAndThePickedTasksName() {
      Chooser chooser =
          Chooser.replaying(List.of(task(2, null), preempt(1), data(4), task(1, null)));
      ChoicePoints points = new ChoicePoints(new View("A", null, "C"), chooser, true, true);

      assertThat(points.pick(3)).isEqualTo(2);
      assertThat(points.switchHere()).isTrue();
      assertThat(points.chooseData(5)).isEqualTo(4);
      assertThat(points.pick(3)).isEqualTo(1); // a plain callback: no name
      assertThat(points.pick(2)).isZero(); // past the schedule: the default, named too

      assertThat(text(points.choices()))
          .containsExactly("TASK=2:C/3", "PREEMPT=1/2", "DATA=4/5", "TASK=1/3", "TASK=0:A/2");
    }

    @Test
    void withRecordingOffTheSameChoicesAreMadeButNoneIsKept() {
      Chooser chooser = Chooser.replaying(List.of(task(2, null), preempt(1), data(4)));
      ChoicePoints points = new ChoicePoints(new View("A", "B", "C"), chooser, true, false);

      assertThat(points.pick(3)).isEqualTo(2);
      assertThat(points.switchHere()).isTrue();
      assertThat(points.chooseData(5)).isEqualTo(4);
      assertThat(points.choices()).isEmpty();
    }

    @Test
    void aReplayedNamePicksItsTaskWhereverItNowStands() {
      Chooser chooser = Chooser.replaying(List.of(task(1, "C")));
      ChoicePoints points = new ChoicePoints(new View("A", "X", "C"), chooser, false, true);

      assertThat(points.pick(3)).isEqualTo(2);
      assertThat(text(points.choices())).containsExactly("TASK=2:C/3");
      assertThat(chooser.divergence()).isNull();
    }

    @Test
    void chooseOfOneValueAsksNobodyAndRecordsNothing() {
      Fixed chooser = new Fixed(0);
      ChoicePoints points = new ChoicePoints(new View("A", "B"), chooser, true, true);

      assertThat(points.chooseData(1)).isZero();
      assertThat(chooser.asked).isEmpty();
      assertThat(points.choices()).isEmpty();
    }

    @Test
    void chooseOfOneValueLeavesTheReplayedValueForTheNextChoose() {
      ChoicePoints points =
          new ChoicePoints(new View(), Chooser.replaying(List.of(data(3))), false, true);

      assertThat(points.chooseData(1)).isZero();
      assertThat(points.chooseData(4)).isEqualTo(3);
      assertThat(text(points.choices())).containsExactly("DATA=3/4");
    }
  }

  @Nested
  class Switches {
    @Test
    void onlyEveryOperationAsksTheChooserToSwitch() {
      Fixed chooser = new Fixed(1);
      ChoicePoints cooperative = new ChoicePoints(new View("A", "B"), chooser, false, true);

      assertThat(cooperative.decides()).isTrue();
      assertThat(cooperative.switchesAtOperations()).isFalse();
      assertThat(cooperative.switchHere()).isFalse();
      assertThat(chooser.asked).isEmpty();
      assertThat(cooperative.choices()).isEmpty();

      ChoicePoints everyOperation = new ChoicePoints(new View("A", "B"), chooser, true, true);

      assertThat(everyOperation.switchesAtOperations()).isTrue();
      assertThat(everyOperation.switchHere()).isTrue();
      assertThat(chooser.asked).containsExactly("preempt");
      assertThat(text(everyOperation.choices())).containsExactly("PREEMPT=1/2");
    }

    @Test
    void aSwitchNotTakenIsRecordedAsTheDefault() {
      ChoicePoints points =
          new ChoicePoints(new View("A"), Chooser.replaying(List.of(preempt(0))), true, true);

      assertThat(points.switchHere()).isFalse();
      assertThat(points.switchHere()).isFalse(); // past the schedule
      assertThat(text(points.choices())).containsExactly("PREEMPT=0/2", "PREEMPT=0/2");
    }
  }

  @Nested
  class StrategyBugs {
    @Test
    void aPickPastTheCandidatesIsAnInternalError() {
      ChoicePoints points = new ChoicePoints(new View("A", "B", "C"), new Fixed(3), false, true);

      assertThatThrownBy(() -> points.pick(3))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Weft internal error: the strategy picked 3 of 3 ready callbacks. This is a bug in"
                  + " Weft; please report it with the program that caused it.");
      assertThat(points.choices()).isEmpty();
    }

    @Test
    void aNegativePickIsAnInternalError() {
      ChoicePoints points = new ChoicePoints(new View("A", "B"), new Fixed(-1), false, true);

      assertThatThrownBy(() -> points.pick(2))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Weft internal error: the strategy picked -1 of 2 ready callbacks. This is a bug in"
                  + " Weft; please report it with the program that caused it.");
      assertThat(points.choices()).isEmpty();
    }

    @Test
    void aValueOutsideTheBoundIsAnInternalError() {
      ChoicePoints points = new ChoicePoints(new View(), new Fixed(5), false, true);

      assertThatThrownBy(() -> points.chooseData(5))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Weft internal error: the strategy chose 5 outside [0, 5). This is a bug in Weft;"
                  + " please report it with the program that caused it.");
      assertThat(points.choices()).isEmpty();
    }
  }

  @Nested
  class ReplayDivergence {
    @Test
    void aReplayThatFollowsItsScheduleDidNotDiverge() {
      Chooser chooser = Chooser.replaying(List.of(task(1, "B"), data(2)));
      ChoicePoints points = new ChoicePoints(new View("A", "B"), chooser, false, false);

      points.pick(2);
      points.chooseData(3);
      points.pick(2); // past the end: defaults, not a divergence

      assertThat(chooser.divergence()).isNull();
    }

    @Test
    void aNamedTaskThatIsNotReadyFallsBackToTheIndex() {
      Chooser chooser = Chooser.replaying(List.of(task(1, "X")));
      ChoicePoints points = new ChoicePoints(new View("A", "B", "C"), chooser, false, true);

      assertThat(points.pick(3)).isEqualTo(1);
      assertThat(chooser.divergence())
          .isEqualTo(
              "at choice 1 of 1 ('1:X', at virtual time 0s): the schedule says run"
                  + " task X, but the run offered a choice among the 3 ready (A, B, C, in asyncio's"
                  + " order). Task X was not ready at this point.");
      assertThat(text(points.choices())).containsExactly("TASK=1:B/3");
    }

    @Test
    void aNamedTaskNotReadyAndAnIndexBeyondTheCandidatesTakesTheDefault() {
      Chooser chooser = Chooser.replaying(List.of(task(4, "X")));
      ChoicePoints points = new ChoicePoints(new View("A", "B"), chooser, false, false);

      assertThat(points.pick(2)).isZero();
      assertThat(chooser.divergence())
          .isEqualTo(
              "at choice 1 of 1 ('4:X', at virtual time 0s): the schedule says run"
                  + " task X, but the run offered a choice among the 2 ready (A, B, in asyncio's"
                  + " order). Task X was not ready at this point.");
    }

    @Test
    void anIndexBeyondTheCandidatesTakesTheDefault() {
      Chooser chooser = Chooser.replaying(List.of(data(1), task(3, null)));
      ChoicePoints points = new ChoicePoints(new View("A", "B", "C"), chooser, false, false);

      points.chooseData(2);
      assertThat(points.pick(3)).isZero();
      assertThat(chooser.divergence())
          .isEqualTo(
              "at choice 2 of 2 ('3', at virtual time 0s): the schedule says run"
                  + " the ready task at index 3, but the run offered a choice among the 3 ready (A,"
                  + " B, C, in asyncio's order). Index 3 is past them.");
    }

    @Test
    void aValueBeyondTheBoundTakesTheDefault() {
      Chooser chooser = Chooser.replaying(List.of(data(5)));
      ChoicePoints points = new ChoicePoints(new View(), chooser, false, false);

      assertThat(points.chooseData(5)).isZero();
      assertThat(chooser.divergence())
          .isEqualTo(
              "at choice 1 of 1 ('d5', at virtual time 0s, while main ran): the schedule says"
                  + " Weft.choose returns 5, but the run offered Weft.choose(5), which returns 0 to"
                  + " 4 (a d token).");
    }

    @Test
    void aChoiceOfAnotherKindIsSkippedAndTakesTheDefault() {
      Choice value = data(3);
      Choice task = task(1, "B");
      Choice preempt = preempt(1);

      Chooser askedTask = Chooser.replaying(List.of(value, task(1, null)));
      ChoicePoints points = new ChoicePoints(new View("A", "B"), askedTask, true, false);
      assertThat(points.pick(2)).isZero();
      assertThat(points.pick(2)).isEqualTo(1); // the next choice is used by the next pick
      assertThat(askedTask.divergence())
          .isEqualTo(
              "at choice 1 of 2 ('d3', at virtual time 0s): the schedule says"
                  + " Weft.choose returns 3, but the run offered a choice among the 2 ready (A, B,"
                  + " in asyncio's order). The program changed since the schedule was recorded, or"
                  + " the schedule was recorded for another program or preemption mode.");

      Chooser askedSwitch = Chooser.replaying(List.of(task));
      assertThat(new ChoicePoints(new View("A", "B"), askedSwitch, true, false).switchHere())
          .isFalse();
      assertThat(askedSwitch.divergence())
          .isEqualTo(
              "at choice 1 of 1 ('1:B', at virtual time 0s, while main ran): the schedule says run"
                  + " task B, but the run offered a switch decision at an operation of main. The"
                  + " program changed since the schedule was recorded, or the schedule was recorded"
                  + " for another program or preemption mode.");

      Chooser askedValue = Chooser.replaying(List.of(preempt));
      assertThat(new ChoicePoints(new View(), askedValue, true, false).chooseData(4)).isZero();
      assertThat(askedValue.divergence())
          .isEqualTo(
              "at choice 1 of 1 ('p1', at virtual time 0s, while main ran): the schedule says"
                  + " switch at an operation, but the run offered Weft.choose(4), which returns 0"
                  + " to 3 (a d token). The program changed since the schedule was recorded, or"
                  + " the schedule was recorded for another program or preemption mode.");
    }

    @Test
    void onlyTheFirstDivergenceIsReported() {
      Chooser chooser = Chooser.replaying(List.of(data(9), task(1, "X"), data(8)));
      ChoicePoints points = new ChoicePoints(new View("A", "B"), chooser, false, false);

      points.chooseData(3);
      points.pick(2);
      points.pick(2);

      assertThat(chooser.divergence())
          .isEqualTo(
              "at choice 1 of 3 ('d9', at virtual time 0s, while main ran): the schedule says"
                  + " Weft.choose returns 9, but the run offered Weft.choose(3), which returns 0 to"
                  + " 2 (a d token).");
    }

    @Test
    void theReplayedListIsCopied() {
      List<Choice> choices = new ArrayList<>(List.of(data(2)));
      Chooser chooser = Chooser.replaying(choices);
      choices.set(0, data(1));

      assertThat(new ChoicePoints(new View(), chooser, false, false).chooseData(3)).isEqualTo(2);
    }
  }
}
