package dev.weft.internal;

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
      private List<Decision> prefix = new ArrayList<>();
      private boolean exhausted;

      @Override
      Chooser nextTry(int tryIndex) {
        return exhausted ? null : new PrefixChooser(prefix);
      }

      @Override
      void finished(List<Decision> decisions) {
        for (int i = decisions.size() - 1; i >= 0; i--) {
          Decision decision = decisions.get(i);
          int next = decision.value + 1;
          if (next < decision.options
              && cost(decisions, i) + cost(decision.withValue(next)) <= maxPreemptions) {
            List<Decision> branch = new ArrayList<>(decisions.subList(0, i));
            branch.add(decision.withValue(next));
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

  private static int cost(List<Decision> decisions, int end) {
    int cost = 0;
    for (int i = 0; i < end; i++) {
      cost += cost(decisions.get(i));
    }
    return cost;
  }

  private static int cost(Decision decision) {
    return decision.kind != Decision.Kind.DATA && decision.value != 0 ? 1 : 0;
  }

  /** Takes the prefix's values in order (clamped to what is possible), then the defaults. */
  private static final class PrefixChooser extends Chooser {
    private final List<Decision> prefix;
    private int next;

    PrefixChooser(List<Decision> prefix) {
      this.prefix = prefix;
    }

    private int take(int options) {
      if (next >= prefix.size()) {
        return 0;
      }
      int value = prefix.get(next++).value;
      return value < options ? value : 0;
    }

    @Override
    int pickTask(Scheduler loop, int candidates) {
      return take(candidates);
    }

    @Override
    boolean preempt(Scheduler loop, TaskImpl<?> running) {
      return take(2) == 1;
    }

    @Override
    int data(Scheduler loop, int bound) {
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
