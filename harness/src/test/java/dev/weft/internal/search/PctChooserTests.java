package dev.weft.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link PctStrategy}'s chooser against a hand-written {@link LoopView}: what counts as a step (the
 * {@code k} its change points are spread over), and that a change point changes the order at the
 * step it falls on.
 */
class PctChooserTests {

  /** A loop whose ready callbacks are tasks by creation index; -1 is a plain callback. */
  static final class View implements LoopView {
    private final List<Integer> ready;
    private final int running;

    View(int running, Integer... ready) {
      this.running = running;
      this.ready = Arrays.asList(ready);
    }

    @Override
    public int readyCount() {
      return ready.size();
    }

    @Override
    public int candidateTask(int index) {
      return ready.get(index);
    }

    @Override
    public String candidateName(int index) {
      return ready.get(index) < 0 ? null : "T" + ready.get(index);
    }

    @Override
    public int runningTask() {
      return running;
    }

    @Override
    public String runningName() {
      return running < 0 ? null : "T" + running;
    }

    @Override
    public long nanos() {
      return 0;
    }
  }

  private static PctStrategy.PctChooser chooser(int depth, long seed, int steps) {
    return new PctStrategy(depth).new PctChooser(new SplittableRandom(seed), steps);
  }

  /**
   * Runs one pass over {@code ready} as the loop does: a pick while two or more candidates are
   * left, each removing the one it ran; the last runs without a pick. Returns the order they ran.
   */
  private static List<Integer> pass(Chooser chooser, Integer... ready) {
    List<Integer> left = new ArrayList<>(Arrays.asList(ready));
    List<Integer> order = new ArrayList<>();
    while (left.size() >= 2) {
      int index = chooser.pickTask(new View(-1, left.toArray(new Integer[0])), left.size());
      order.add(left.remove(index));
    }
    order.addAll(left);
    return order;
  }

  @Test
  @DisplayName(
      "a step is a pick that runs a task while another task waits in the pass: a pass of n tasks"
          + " has n - 1, however many callbacks it holds; a switch with only callbacks ready is none")
  void stepsAreDecisionsBetweenTasks() {
    for (long seed = 0; seed < 50; seed++) {
      PctStrategy.PctChooser pct = chooser(3, seed, 12);
      pass(pct, -1, 1, -1, 2, 3);
      pass(pct, 1, 2, 3, -1);
      pass(pct, -1, 1, -1);
      pass(pct, -1, -1);
      assertThat(pct.steps).as("seed %d", seed).isEqualTo(2 + 2);
      assertThat(pct.preempt(new View(1, -1, -1))).isFalse();
      assertThat(pct.steps).isEqualTo(4);
      pct.preempt(new View(1, 2));
      assertThat(pct.steps).isEqualTo(5);
    }
  }

  @Test
  @DisplayName(
      "a plain callback draws a priority from the tasks' range: it runs first, between or last in"
          + " its pass, so a task's step can run before a callback that was ready before it")
  void callbacksTakePlacesAmongTheTasks() {
    int[] place = new int[3];
    for (long seed = 0; seed < 300; seed++) {
      place[pass(chooser(1, seed, 10), -1, 1, 2).indexOf(-1)]++;
    }
    // each place about 1/3 of the time; before, the callback always ran first
    for (int count : place) {
      assertThat(count).isBetween(70, 130);
    }
  }

  @Test
  @DisplayName("a task dropped by a change point runs after every callback of its later passes")
  void aDroppedTaskRunsAfterTheCallbacks() {
    for (long seed = 0; seed < 50; seed++) {
      PctStrategy.PctChooser pct = chooser(2, seed, 1); // the change point falls on step 1
      int kept = pass(pct, 1, 2).get(0);
      int dropped = 3 - kept;
      assertThat(pass(pct, -1, 1, -1, 2, -1)).as("seed %d", seed).endsWith(dropped);
    }
  }

  @Test
  @DisplayName(
      "the change point falls on a step: that step runs the other task, and so does every later one")
  void aChangePointChangesTheOrderAtItsStep() {
    for (long seed = 0; seed < 50; seed++) {
      PctStrategy.PctChooser pct = chooser(2, seed, 6);
      int changeAt = pct.changePoints()[0];
      View view = new View(-1, 1, 2);
      int first = pct.pickTask(view, 2);
      for (int step = 2; step <= 6; step++) {
        int picked = pct.pickTask(view, 2);
        assertThat(picked)
            .as("seed %d, change point at step %d, step %d", seed, changeAt, step)
            // a change point on step 1 has already moved the first pick
            .isEqualTo(step < changeAt || changeAt == 1 ? first : 1 - first);
      }
    }
  }

  @Test
  @DisplayName(
      "the explorer spreads the change points over the steps its tries took, counted the same way")
  void theSearchLearnsTheStepsItsChangePointsCount() {
    Search search = StrategyImpl.pct(2).search(3);
    PctStrategy.PctChooser first = (PctStrategy.PctChooser) search.nextTry(0);
    View view = new View(-1, 1, 2);
    for (int i = 0; i < 5; i++) {
      first.pickTask(view, 2);
      first.pickTask(new View(-1, -1, 1), 2); // a callback pick: no step
    }
    search.finished(List.of());
    for (int tryIndex = 1; tryIndex < 200; tryIndex++) {
      PctStrategy.PctChooser next = (PctStrategy.PctChooser) search.nextTry(tryIndex);
      assertThat(next.changePoints()[0]).isBetween(1, 5);
      search.finished(List.of());
    }
  }
}
