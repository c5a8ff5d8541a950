package dev.weft.internal;

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
    List<Decision> decisions = ScheduleAccess.decisions(schedule);
    return new PerTry(seed) {
      @Override
      Chooser chooser(long trySeed) {
        return new ReplayChooser(decisions);
      }
    };
  }

  private static final class ReplayChooser extends Chooser {
    private final List<Decision> decisions;
    private int next;
    private String divergence;

    ReplayChooser(List<Decision> decisions) {
      this.decisions = decisions;
    }

    /** Returns the next recorded decision if it is of {@code kind}; notes a divergence if not. */
    private Decision take(Decision.Kind kind, String asked) {
      if (next >= decisions.size()) {
        return null;
      }
      Decision decision = decisions.get(next++);
      if (decision.kind != kind) {
        diverged("the program asked for " + asked + ", but the schedule holds " + decision);
        return null;
      }
      return decision;
    }

    private void diverged(String why) {
      if (divergence == null) {
        divergence = "at choice " + next + " of " + decisions.size() + ": " + why;
      }
    }

    @Override
    int pickTask(Scheduler loop, int candidates) {
      Decision decision = take(Decision.Kind.TASK, "a task choice");
      if (decision == null) {
        return 0;
      }
      if (decision.task != null) {
        for (int i = 0; i < candidates; i++) {
          if (decision.task.equals(Scheduler.nameOf(loop.candidate(i)))) {
            return i;
          }
        }
        diverged("task " + decision.task + " was not among the " + candidates + " ready");
      }
      if (decision.value >= candidates) {
        diverged("index " + decision.value + ", but only " + candidates + " were ready");
        return 0;
      }
      return decision.value;
    }

    @Override
    boolean preempt(Scheduler loop, TaskImpl<?> running) {
      Decision decision = take(Decision.Kind.PREEMPT, "a switch decision");
      return decision != null && decision.value == 1;
    }

    @Override
    int data(Scheduler loop, int bound) {
      Decision decision = take(Decision.Kind.DATA, "a choose(" + bound + ") value");
      if (decision == null) {
        return 0;
      }
      if (decision.value >= bound) {
        diverged("choose(" + bound + ") cannot return " + decision.value);
        return 0;
      }
      return decision.value;
    }

    @Override
    String divergence() {
      return divergence;
    }
  }

  @Override
  public String toString() {
    return "Strategy.replay(Schedule.parse(\"" + schedule + "\"))";
  }
}
