package dev.weft.internal.search;

import dev.weft.Schedule;
import java.util.List;

/**
 * Takes the choices of a recorded {@link Schedule}, then the defaults. A task choice that names its
 * task picks that task wherever it now stands among the ready ones, so a replay survives edits that
 * add or reorder other work; when the named task is not ready, or the program asks for a different
 * kind of choice than the schedule holds, the replay has diverged: it goes on as best it can and
 * says where it first departed.
 */
final class ReplayStrategy extends StrategyImpl {
  private final Schedule schedule;

  ReplayStrategy(Schedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public Search search(long seed) {
    List<Choice> choices = ScheduleAccess.choices(schedule);
    return new PerTry(seed) {
      @Override
      Chooser chooser(long trySeed) {
        return new ReplayChooser(choices);
      }
    };
  }

  static final class ReplayChooser extends Chooser {
    private final List<Choice> choices;
    private int next;
    private String divergence;

    ReplayChooser(List<Choice> choices) {
      this.choices = choices;
    }

    /** Returns the next recorded choice if it is of {@code kind}; notes a divergence if not. */
    private Choice take(Choice.Kind kind, String asked) {
      if (next >= choices.size()) {
        return null;
      }
      Choice choice = choices.get(next++);
      if (choice.kind() != kind) {
        diverged(
            "the program asked for "
                + asked
                + ", but the schedule holds "
                + ScheduleAccess.token(choice));
        return null;
      }
      return choice;
    }

    private void diverged(String why) {
      if (divergence == null) {
        divergence = "at choice " + next + " of " + choices.size() + ": " + why;
      }
    }

    @Override
    int pickTask(LoopView view, int candidates) {
      Choice choice = take(Choice.Kind.TASK, "a task choice");
      if (choice == null) {
        return 0;
      }
      if (choice.task() != null) {
        for (int i = 0; i < candidates; i++) {
          if (choice.task().equals(view.candidateName(i))) {
            return i;
          }
        }
        diverged("task " + choice.task() + " was not among the " + candidates + " ready");
      }
      if (choice.value() >= candidates) {
        diverged("index " + choice.value() + ", but only " + candidates + " were ready");
        return 0;
      }
      return choice.value();
    }

    @Override
    boolean preempt(LoopView view) {
      Choice choice = take(Choice.Kind.PREEMPT, "a switch decision");
      return choice != null && choice.value() == 1;
    }

    @Override
    int data(LoopView view, int bound) {
      Choice choice = take(Choice.Kind.DATA, "a choose(" + bound + ") value");
      if (choice == null) {
        return 0;
      }
      if (choice.value() >= bound) {
        diverged("choose(" + bound + ") cannot return " + choice.value());
        return 0;
      }
      return choice.value();
    }

    @Override
    public String divergence() {
      return divergence;
    }
  }

  @Override
  public String toString() {
    return "Strategy.replay(Schedule.parse(\"" + schedule + "\"))";
  }
}
