package dev.weft.internal.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010), in
 * asyncio's round model.
 *
 * <p>Each try gives every task a random priority when it first becomes ready. A <em>step</em> is a
 * decision between tasks: which of two or more ready tasks of the pass runs next, or, under {@code
 * EVERY_OPERATION}, whether the running task goes on or lets a ready task run. At each step the
 * task with the highest priority wins. {@code depth - 1} change points are placed uniformly among
 * the steps of a run; at a change point the task that would have won drops below every other and
 * the step is decided again, so every change point changes the order at the step it falls on, and
 * keeps the task low for the rest of the run (in every later pass it runs after the others).
 *
 * <p>Only steps count: a pass's plain callbacks (timers, done callbacks) carry no priority and run
 * first, as soon as they are ready, and a pass with one task left decides nothing. The number of
 * steps {@code k} is learned from the tries so far (the most steps any try took, counted the same
 * way); the first try, and a single {@code Weft.run} with this strategy, guess {@value
 * #FIRST_GUESS_OF_STEPS}. For a program with {@code n} tasks and {@code k} steps, a bug of depth
 * {@code d} is found with probability at least {@code 1 / (n * k^(d-1))} per try. {@code choose}
 * values are uniform.
 */
final class PctStrategy extends StrategyImpl {
  private static final int FIRST_GUESS_OF_STEPS = 32;

  private final int depth;

  PctStrategy(int depth) {
    this.depth = depth;
  }

  @Override
  public Search search(long seed) {
    return new Search() {
      /** The most steps any try so far took; 0 before the first try ends. */
      private int longestRun;

      /** The chooser of the try that runs now, whose steps {@link #finished} reads. */
      private PctChooser current;

      @Override
      public Chooser nextTry(int tryIndex) {
        int steps = longestRun > 0 ? longestRun : FIRST_GUESS_OF_STEPS;
        current = new PctChooser(new SplittableRandom(trySeed(seed, tryIndex)), steps);
        return current;
      }

      @Override
      public void finished(List<Choice> choices) {
        if (current != null) {
          longestRun = Math.max(longestRun, current.steps);
        }
      }
    };
  }

  final class PctChooser extends Chooser {
    private final SplittableRandom random;

    /** Each task's priority, by creation index; looked up, never iterated. */
    private final Map<Integer, Long> priorities = new HashMap<>();

    /** The step (from 1) at which each change point falls; change point j lowers to j + 1. */
    private final int[] changePoints;

    /** The steps decided so far. */
    int steps;

    PctChooser(SplittableRandom random, int steps) {
      this.random = random;
      this.changePoints = new int[depth - 1];
      for (int i = 0; i < changePoints.length; i++) {
        changePoints[i] = 1 + random.nextInt(steps);
      }
    }

    /** Returns the step numbers of the change points, in the order they were drawn. */
    int[] changePoints() {
      return changePoints.clone();
    }

    private long priority(int task) {
      // Initial priorities lie above every change-point priority (1 .. depth-1); the index breaks
      // the rare tie deterministically.
      return priorities.computeIfAbsent(
          task, t -> ((long) depth + random.nextInt(1 << 20)) * 1_000_000L + t);
    }

    /** Counts a step; at a change point, drops {@code task} below every task not yet dropped. */
    private void step(int task) {
      steps++;
      for (int j = 0; j < changePoints.length; j++) {
        if (changePoints[j] == steps) {
          priority(task);
          priorities.put(task, (long) (j + 1));
        }
      }
    }

    private int highest(LoopView view, int candidates) {
      int best = -1;
      long bestPriority = Long.MIN_VALUE;
      for (int i = 0; i < candidates; i++) {
        long priority = priority(view.candidateTask(i));
        if (priority > bestPriority) {
          best = i;
          bestPriority = priority;
        }
      }
      return best;
    }

    @Override
    int pickTask(LoopView view, int candidates) {
      for (int i = 0; i < candidates; i++) {
        if (view.candidateTask(i) < 0) {
          return i; // callbacks carry no priority and are no step: they run as soon as ready
        }
      }
      int best = highest(view, candidates);
      step(view.candidateTask(best));
      return highest(view, candidates);
    }

    @Override
    boolean preempt(LoopView view) {
      int running = view.runningTask();
      boolean taskReady = false;
      for (int i = 0; i < view.readyCount() && !taskReady; i++) {
        taskReady = view.candidateTask(i) >= 0;
      }
      if (!taskReady) {
        return false; // only callbacks are ready: no decision between tasks, no step
      }
      step(running);
      return Priorities.readyTaskAbove(view, priority(running), this::priority);
    }

    @Override
    int data(LoopView view, int bound) {
      return random.nextInt(bound);
    }
  }

  @Override
  public String toString() {
    return "Strategy.pct(" + depth + ")";
  }
}
