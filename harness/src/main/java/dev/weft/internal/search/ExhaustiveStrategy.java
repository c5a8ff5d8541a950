package dev.weft.internal.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Depth-first search of every schedule with at most {@code maxPreemptions} departures from
 * asyncio's order (a task choice other than the first ready, or a switch at an operation); data
 * choices are explored in full and cost nothing. The first try is the FIFO run; each later try
 * replays the previous one up to its deepest choice that has an untried value within the bound,
 * takes that value, and goes on with defaults. The search is exhausted when no such choice is left.
 * A correct program therefore ends with "no counterexample in the whole bounded space".
 */
final class ExhaustiveStrategy extends StrategyImpl {
  private final int maxPreemptions;

  ExhaustiveStrategy(int maxPreemptions) {
    this.maxPreemptions = maxPreemptions;
  }

  @Override
  public Search search(long seed) {
    return new Search() {
      private List<Choice> prefix = new ArrayList<>();
      private boolean exhausted;

      @Override
      public Chooser nextTry(int tryIndex) {
        return exhausted ? null : new PrefixChooser(prefix);
      }

      @Override
      public void finished(List<Choice> choices) {
        for (int i = choices.size() - 1; i >= 0; i--) {
          Choice choice = choices.get(i);
          int next = choice.value() + 1;
          if (next < choice.options()
              && cost(choices, i) + cost(choice.withValue(next)) <= maxPreemptions) {
            List<Choice> branch = new ArrayList<>(choices.subList(0, i));
            branch.add(choice.withValue(next));
            prefix = branch;
            return;
          }
        }
        exhausted = true;
      }

      @Override
      public boolean exhausted() {
        return exhausted;
      }
    };
  }

  private static int cost(List<Choice> choices, int end) {
    int cost = 0;
    for (int i = 0; i < end; i++) {
      cost += cost(choices.get(i));
    }
    return cost;
  }

  private static int cost(Choice choice) {
    return choice.kind() != Choice.Kind.DATA && choice.value() != 0 ? 1 : 0;
  }

  /** Takes the prefix's values in order (clamped to what is possible), then the defaults. */
  private static final class PrefixChooser extends Chooser {
    private final List<Choice> prefix;
    private int next;

    PrefixChooser(List<Choice> prefix) {
      this.prefix = prefix;
    }

    private int take(int options) {
      if (next >= prefix.size()) {
        return 0;
      }
      int value = prefix.get(next++).value();
      return value < options ? value : 0;
    }

    @Override
    int pickTask(LoopView view, int candidates) {
      return take(candidates);
    }

    @Override
    boolean preempt(LoopView view) {
      return take(2) == 1;
    }

    @Override
    int data(LoopView view, int bound) {
      return take(bound);
    }
  }

  @Override
  public boolean shardable() {
    return false;
  }

  @Override
  public String toString() {
    return "Strategy.exhaustive(" + maxPreemptions + ")";
  }
}
