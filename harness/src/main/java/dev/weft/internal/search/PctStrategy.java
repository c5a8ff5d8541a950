package dev.weft.internal.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010).
 *
 * <p>Each try gives every task a random priority when it first becomes ready, always runs the ready
 * task with the highest priority, and at {@code depth - 1} randomly placed change points drops the
 * priority of the task just chosen below every other. For a program with {@code n} tasks and {@code
 * k} choice points, a bug of depth {@code d} is found with probability at least {@code 1 / (n *
 * k^(d-1))} per try. {@code k} is learned from the tries so far (the most choice points any try
 * had); the first try, and a single {@code Weft.run} with this strategy, guess {@value
 * #FIRST_GUESS_OF_STEPS}, so the bound holds from the second try of an exploration on. Plain
 * callbacks (timers, done callbacks) carry no priority and run first, as soon as they are ready;
 * {@code choose} values are uniform.
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
      /** The most choice points any try so far had; 0 before the first try ends. */
      private int longestRun;

      @Override
      public Chooser nextTry(int tryIndex) {
        int steps = longestRun > 0 ? longestRun : FIRST_GUESS_OF_STEPS;
        return new PctChooser(new SplittableRandom(trySeed(seed, tryIndex)), steps);
      }

      @Override
      public void finished(List<Choice> choices) {
        int picks = 0;
        for (Choice choice : choices) {
          if (choice.kind() == Choice.Kind.TASK) {
            picks++;
          }
        }
        longestRun = Math.max(longestRun, picks);
      }
    };
  }

  private final class PctChooser extends Chooser {
    private final SplittableRandom random;

    /** Each task's priority, by creation index; looked up, never iterated. */
    private final Map<Integer, Long> priorities = new HashMap<>();

    private final int[] changePoints;
    private int picks;

    PctChooser(SplittableRandom random, int steps) {
      this.random = random;
      this.changePoints = new int[depth - 1];
      for (int i = 0; i < changePoints.length; i++) {
        changePoints[i] = 1 + random.nextInt(steps);
      }
    }

    private long priority(int task) {
      // Initial priorities lie above every change-point priority (1 .. depth-1); the index breaks
      // the rare tie deterministically.
      return priorities.computeIfAbsent(
          task, t -> ((long) depth + random.nextInt(1 << 20)) * 1_000_000L + t);
    }

    @Override
    int pickTask(LoopView view, int candidates) {
      int best = -1;
      long bestPriority = Long.MIN_VALUE;
      for (int i = 0; i < candidates; i++) {
        int candidate = view.candidateTask(i);
        if (candidate < 0) {
          return i; // callbacks carry no priority and are no step: they run as soon as ready
        }
        long priority = priority(candidate);
        if (priority > bestPriority) {
          best = i;
          bestPriority = priority;
        }
      }
      picks++;
      for (int j = 0; j < changePoints.length; j++) {
        if (changePoints[j] == picks) {
          priorities.put(view.candidateTask(best), (long) (j + 1));
        }
      }
      return best;
    }

    @Override
    boolean preempt(LoopView view) {
      long mine = priority(view.runningTask());
      for (int i = 0; i < view.readyCount(); i++) {
        int candidate = view.candidateTask(i);
        if (candidate >= 0 && priority(candidate) > mine) {
          return true;
        }
      }
      return false;
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
