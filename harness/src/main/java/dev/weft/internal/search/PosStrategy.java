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
 * orders of dependent events more evenly than a random walk does. A plain callback (a timer, a done
 * callback) is an event too: it draws a priority when its pass begins and keeps it until it runs
 * ({@link Priorities.PassCallbacks}), so it may run before or after the tasks of its pass.
 *
 * <p>The paper also redraws the priorities of waiting events that race with the event that ran
 * (they touch the same variable). Weft does not see which state a task's code touches between two
 * Weft calls, so it redraws only the priority of the task that won a decision. The task that runs
 * last in a pass runs without one (the loop asks nothing when one candidate is left), so it keeps
 * the priority it had, the lowest of its pass, where the paper would redraw it. In {@code
 * COOPERATIVE} mode the first pass is then a uniformly random order, but an order tends to last: of
 * two tasks that meet in every pass, a given one stays ahead of the other through {@code r} passes
 * with probability {@code 1 / (r + 1)}, where {@code Strategy.random()} gives {@code 2^-r}. {@code
 * choose} values are uniform.
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

    /** The priorities of the pass's plain callbacks: an event each, as a task's step is. */
    private final Priorities.PassCallbacks callbacks;

    PosChooser(SplittableRandom random) {
      this.random = random;
      this.callbacks = new Priorities.PassCallbacks(() -> fresh(-1));
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
    void passBegan(LoopView view, int candidates) {
      callbacks.newPass();
    }

    @Override
    int pickTask(LoopView view, int candidates) {
      callbacks.begin(view, candidates);
      int best = Priorities.highest(view, candidates, this::priority, callbacks);
      int winner = view.candidateTask(best);
      if (winner >= 0) {
        ran(winner);
      }
      callbacks.picked(view, candidates, best);
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
