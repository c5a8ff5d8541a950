package dev.weft.internal.search;

import dev.weft.Preemption;
import dev.weft.Schedule;
import dev.weft.internal.VirtualTime;
import java.util.List;

/**
 * Takes the choices of a recorded {@link Schedule}, then the defaults, under the schedule's own
 * preemption mode when it says one. A task choice that names its task picks that task wherever it
 * now stands among the ready ones, so a replay survives edits that add or reorder other work; a
 * blank ({@code _}) takes the default of whatever choice point comes.
 *
 * <p>The replay is strict: the first choice that does not fit the run (a token of another kind than
 * the choice point, an index past the ready tasks, a named task that is not ready, a value {@code
 * Weft.choose} cannot return, or choices left over at the end) is the run's divergence, and the run
 * fails with it. The shrinker's lenient replay ({@link Chooser#replaying}) goes on as best it can
 * instead and only notes the first departure.
 */
final class ReplayStrategy extends StrategyImpl {
  private final Schedule schedule;

  ReplayStrategy(Schedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public Search search(long seed) {
    List<Choice> choices = ScheduleAccess.choices(schedule);
    Preemption preemption = ScheduleAccess.preemption(schedule);
    return new PerTry(seed) {
      @Override
      Chooser chooser(long trySeed) {
        return new ReplayChooser(choices, preemption, true);
      }
    };
  }

  static final class ReplayChooser extends Chooser {
    private final List<Choice> choices;
    private final Preemption preemption;
    private final boolean strict;
    private int next;
    private String divergence;

    /** Whether the run switches at operations: a p token can fit it. */
    private boolean everyOperation;

    ReplayChooser(List<Choice> choices, Preemption preemption, boolean strict) {
      this.choices = choices;
      this.preemption = preemption;
      this.strict = strict;
    }

    /**
     * Returns the next recorded choice if it fits a choice point of {@code kind} (a blank fits
     * any); notes a divergence if it does not, and returns {@code null} (take the default).
     */
    private Choice take(Choice.Kind kind, LoopView view, String offered) {
      boolean inTask = kind != Choice.Kind.TASK;
      if (next >= choices.size()) {
        return null;
      }
      Choice choice = choices.get(next++);
      if (choice.kind() == Choice.Kind.DEFAULT) {
        return null;
      }
      if (choice.kind() != kind) {
        diverged(view, inTask, choice, offered, kindHint(choice));
        return null;
      }
      return choice;
    }

    /**
     * Notes the first departure: the choice just taken, what it said, what the run offered; {@code
     * inTask} when a running task met the choice point (not a pick of the next task).
     */
    private void diverged(
        LoopView view, boolean inTask, Choice choice, String offered, String hint) {
      if (divergence != null) {
        return;
      }
      String running = inTask ? view.runningName() : null;
      divergence =
          "at choice "
              + next
              + " of "
              + choices.size()
              + " ('"
              + ScheduleAccess.token(choice)
              + "', at virtual time "
              + VirtualTime.format(view.nanos())
              + (running == null ? "" : ", while " + running + " ran")
              + "): the schedule says "
              + said(choice)
              + ", but the run offered "
              + offered
              + "."
              + hint;
    }

    private static String said(Choice choice) {
      switch (choice.kind()) {
        case PREEMPT:
          return choice.value() == 1 ? "switch at an operation" : "do not switch at an operation";
        case DATA:
          return "Weft.choose returns " + choice.value();
        default:
          return choice.task() != null
              ? "run task " + choice.task()
              : "run the ready task at index " + choice.value();
      }
    }

    @Override
    void started(boolean everyOperation) {
      this.everyOperation = everyOperation;
    }

    private String kindHint(Choice choice) {
      if (choice.kind() == Choice.Kind.PREEMPT && !everyOperation) {
        return " A switch decision (a p token) comes only under Preemption.EVERY_OPERATION: a"
            + " schedule recorded under it starts with 'every-operation:', or replay it with"
            + " .preemption(Preemption.EVERY_OPERATION).";
      }
      return " The program changed since the schedule was recorded, or the schedule was recorded"
          + " for another program or preemption mode.";
    }

    private static String readyTasks(LoopView view, int candidates) {
      StringBuilder names = new StringBuilder();
      for (int i = 0; i < candidates; i++) {
        String name = view.candidateName(i);
        names.append(i == 0 ? "" : ", ").append(name == null ? "(a callback)" : name);
      }
      return "a choice among the " + candidates + " ready (" + names + ", in asyncio's order)";
    }

    @Override
    int pickTask(LoopView view, int candidates) {
      Choice choice = take(Choice.Kind.TASK, view, readyTasks(view, candidates));
      if (choice == null) {
        return 0;
      }
      if (choice.task() != null) {
        for (int i = 0; i < candidates; i++) {
          if (choice.task().equals(view.candidateName(i))) {
            return i;
          }
        }
        diverged(
            view,
            false,
            choice,
            readyTasks(view, candidates),
            " Task " + choice.task() + " was not ready at this point.");
      }
      if (choice.value() >= candidates) {
        diverged(
            view,
            false,
            choice,
            readyTasks(view, candidates),
            " Index " + choice.value() + " is past them.");
        return 0;
      }
      return choice.value();
    }

    @Override
    boolean preempt(LoopView view) {
      String running = view.runningName();
      Choice choice =
          take(
              Choice.Kind.PREEMPT,
              view,
              "a switch decision at an operation of " + (running == null ? "a task" : running));
      return choice != null && choice.value() == 1;
    }

    @Override
    int data(LoopView view, int bound) {
      String offered =
          "Weft.choose(" + bound + "), which returns 0 to " + (bound - 1) + " (a d token)";
      Choice choice = take(Choice.Kind.DATA, view, offered);
      if (choice == null) {
        return 0;
      }
      if (choice.value() >= bound) {
        diverged(view, true, choice, offered, "");
        return 0;
      }
      return choice.value();
    }

    @Override
    public String divergence() {
      if (divergence == null && strict && next < choices.size()) {
        int left = choices.size() - next;
        return "at choice "
            + (next + 1)
            + " of "
            + choices.size()
            + ": the schedule says '"
            + leftover()
            + "', but the run ended after "
            + next
            + (next == 1 ? " choice" : " choices")
            + ", so "
            + left
            + (left == 1 ? " choice was" : " choices were")
            + " left over."
            + (choices.get(next).kind() == Choice.Kind.PREEMPT && !everyOperation
                ? " A switch decision (a p token) comes only under"
                    + " Preemption.EVERY_OPERATION: a schedule recorded under it starts with"
                    + " 'every-operation:', or replay it with"
                    + " .preemption(Preemption.EVERY_OPERATION)."
                : " The program changed since the schedule was recorded, or the schedule was"
                    + " recorded for another program or preemption mode.");
      }
      return divergence;
    }

    /** The choices left over, as schedule text. */
    private String leftover() {
      return ScheduleAccess.make(choices.subList(next, choices.size())).toString();
    }

    @Override
    public boolean strict() {
      return strict;
    }

    @Override
    public Preemption preemption() {
      return preemption;
    }
  }

  @Override
  public Preemption preemption() {
    return ScheduleAccess.preemption(schedule);
  }

  @Override
  public String toString() {
    return "Strategy.replay(Schedule.parse(" + ScheduleAccess.javaLiteral(schedule) + "))";
  }
}
