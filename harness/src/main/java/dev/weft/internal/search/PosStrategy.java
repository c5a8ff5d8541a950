package dev.weft.internal.search;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Partial order sampling (Yuan, Yang, Gu, "Partial Order Aware Concurrency Sampling", CAV 2018),
 * the default strategy of Fray.
 *
 * <p>Priorities belong to events, not tasks: the next thing a task will do (its next step, or under
 * {@code EVERY_OPERATION} the operation it is about to do) gets a fresh random priority when the
 * task's previous event has run, and keeps it until it runs. At every decision between tasks, the
 * event with the highest priority runs: in a pass, the ready task whose step has the highest
 * priority; at an operation, the running task goes on unless a ready task's event has a higher
 * priority than the operation's. A task that is passed over keeps its priority, so unlike {@link
 * RandomStrategy}'s fixed chance of a switch, a task that drew a low priority stays behind until
 * the others have run, and one that drew a high priority is switched to at once; this samples the
 * orders of dependent events more evenly than a random walk does.
 *
 * <p>The paper also redraws the priorities of waiting events that race with the event that ran
 * (they touch the same variable). Weft does not see which state a task's code touches between two
 * Weft calls, so it redraws only the priority of the task that ran. In {@code COOPERATIVE} mode,
 * where every decision orders the tasks of a pass and every task runs once per pass, each pass is
 * then a uniformly random order, as with {@code Strategy.random()}; the difference shows under
 * {@code EVERY_OPERATION}. A pass's plain callbacks (timers, done callbacks) run first, as in
 * {@code Strategy.pct}; {@code choose} values are uniform.
 */
final class PosStrategy extends StrategyImpl {
  static final PosStrategy INSTANCE = new PosStrategy();

  private PosStrategy() {}

  @Override
  public Search search(long seed) {
    return new PerTry(seed) {
      @Override
      Chooser chooser(long trySeed) {
        return new PosChooser(new SplittableRandom(trySeed));
      }
    };
  }

  static final class PosChooser extends Chooser {
    private final SplittableRandom random;

    /** The priority of each task's next event, by creation index; looked up, never iterated. */
    private final Map<Integer, Long> priorities = new HashMap<>();

    PosChooser(SplittableRandom random) {
      this.random = random;
    }

    private long priority(int task) {
      // The index breaks the rare tie deterministically.
      return priorities.computeIfAbsent(task, t -> fresh(t));
    }

    private long fresh(int task) {
      return (long) random.nextInt(1 << 30) * 1_000_000L + task;
    }

    /** The event of {@code task} ran: its next event gets a new priority. */
    private void ran(int task) {
      priorities.put(task, fresh(task));
    }

    @Override
    int pickTask(LoopView view, int candidates) {
      int best = -1;
      long bestPriority = Long.MIN_VALUE;
      for (int i = 0; i < candidates; i++) {
        int candidate = view.candidateTask(i);
        if (candidate < 0) {
          return i; // a callback is no event between tasks: it runs as soon as it is ready
        }
        long priority = priority(candidate);
        if (priority > bestPriority) {
          best = i;
          bestPriority = priority;
        }
      }
      ran(view.candidateTask(best));
      return best;
    }

    @Override
    boolean preempt(LoopView view) {
      int running = view.runningTask();
      if (Priorities.readyTaskAbove(view, priority(running), this::priority)) {
        return true; // the operation waits, with its priority, until the task runs again
      }
      ran(running);
      return false;
    }

    @Override
    int data(LoopView view, int bound) {
      return random.nextInt(bound);
    }
  }

  @Override
  public String toString() {
    return "Strategy.pos()";
  }
}
