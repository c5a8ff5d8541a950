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
 * decision between tasks: a pick that runs a task while another task waits in the pass, or, under
 * {@code EVERY_OPERATION}, whether the running task goes on or lets a ready task run. At each step
 * the task with the highest priority wins. {@code depth - 1} change points are placed uniformly
 * among the steps of a run; at a change point the task that would have won drops below every other
 * and the step is decided again between the tasks, so every change point changes the order at the
 * step it falls on, and keeps the task low for the rest of the run (in every later pass it runs
 * after the others).
 *
 * <p>A pass's plain callbacks (timers, done callbacks) are no step: each draws a priority from the
 * tasks' range when its pass begins ({@link Priorities.PassCallbacks}) and runs when it is the
 * highest of the pass, so it has even chances of running before or after any task not dropped, and
 * runs after every dropped task; the order of the tasks among themselves depends on their
 * priorities and the change points alone. A switch at an operation is decided between tasks only: a
 * ready callback alone never switches the running task out. A pass with one task left decides no
 * step.
 *
 * <p>The number of steps {@code k} is learned from the tries so far (the most steps any try took,
 * counted the same way); the first try, and a single {@code Weft.run} with this strategy, guess
 * {@value #FIRST_GUESS_OF_STEPS}. For a program with {@code n} tasks and {@code k} steps, a bug of
 * depth {@code d} is found with probability at least {@code 1 / (n * k^(d-1))} per try. Since the
 * priorities hold from pass to pass, an order they give holds through every pass until a change
 * point: an order of two tasks that a bug needs through {@code r} passes in a row is one ordering
 * constraint however large {@code r} is, where a new random order each pass meets it with {@code
 * 2^-r}. A bug whose orders all fall within a few passes is another matter: such an order is met
 * with even chances by a random pass, and PCT needs a change point on one step of {@code k}. {@code
 * choose} values are uniform.
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

    /** The priorities of the pass's plain callbacks, drawn from the range of the tasks'. */
    private final Priorities.PassCallbacks callbacks;

    /** The steps decided so far. */
    int steps;

    PctChooser(SplittableRandom random, int steps) {
      this.random = random;
      this.callbacks = new Priorities.PassCallbacks(() -> initialPriority(-1));
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
      return priorities.computeIfAbsent(task, this::initialPriority);
    }

    /**
     * Draws a task's first priority, or with {@code -1} a callback's: above every change-point
     * priority (1 .. depth-1); the index breaks the rare tie deterministically.
     */
    private long initialPriority(int task) {
      return ((long) depth + random.nextInt(1 << 20)) * 1_000_000L + task;
    }

    /**
     * Counts a step; at a change point, drops {@code task} below every task not yet dropped and
     * returns true.
     */
    private boolean step(int task) {
      steps++;
      boolean dropped = false;
      for (int j = 0; j < changePoints.length; j++) {
        if (changePoints[j] == steps) {
          priority(task);
          priorities.put(task, (long) (j + 1));
          dropped = true;
        }
      }
      return dropped;
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
      if (winner >= 0 && otherTask(view, candidates, winner) && step(winner)) {
        // a change point: the step is decided again between the tasks, so each step runs a task
        best = Priorities.highest(view, candidates, this::priority, null);
      }
      callbacks.picked(view, candidates, best);
      return best;
    }

    /** Returns whether a task other than {@code task} is among the candidates: a step. */
    private boolean otherTask(LoopView view, int candidates, int task) {
      for (int i = 0; i < candidates; i++) {
        int candidate = view.candidateTask(i);
        if (candidate >= 0 && candidate != task) {
          return true;
        }
      }
      return false;
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
