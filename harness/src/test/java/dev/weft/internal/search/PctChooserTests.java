package dev.weft.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

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
  private static final class View implements LoopView {
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
  }

  private static PctStrategy.PctChooser chooser(int depth, long seed, int steps) {
    return new PctStrategy(depth).new PctChooser(new SplittableRandom(seed), steps);
  }

  @Test
  @DisplayName(
      "a pick that runs a plain callback, or a switch with only callbacks ready, is no step")
  void callbacksAreNoSteps() {
    PctStrategy.PctChooser pct = chooser(2, 1, 10);
    assertThat(pct.pickTask(new View(-1, -1, 1, 2), 3)).isZero();
    assertThat(pct.pickTask(new View(-1, 1, -1), 2)).isEqualTo(1);
    assertThat(pct.preempt(new View(1, -1, -1))).isFalse();
    assertThat(pct.steps).isZero();
    pct.pickTask(new View(-1, 1, 2), 2);
    pct.preempt(new View(1, 2));
    assertThat(pct.steps).isEqualTo(2);
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
