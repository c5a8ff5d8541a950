package dev.weft.internal.search;

import dev.weft.SharedState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Depth-first search of every schedule with at most {@code maxPreemptions} departures from
 * asyncio's order (a task choice other than the first ready, or a switch at an operation); data
 * choices are explored in full and cost nothing. The first try is the FIFO run; each later try
 * replays the previous one up to its deepest choice that has an untried value within the bound,
 * takes that value, and goes on with defaults. The search is exhausted when no such choice is left.
 * A correct program therefore ends with "no counterexample in the whole bounded space".
 *
 * <p><b>Partial-order reduction.</b> Orders of steps that commute are one trace, and the search
 * runs each trace once, with sleep sets (Godefroid, 1996): after the search has explored running
 * {@code u} first at a choice point, it does not run {@code u} in a sibling branch until a step
 * that does not commute with {@code u} has run. Weft does not see which state a task's code or a
 * user's callback touches, so those never commute with anything; what commutes is Weft's own
 * callbacks that run no user code ({@link LoopView#candidateFootprint}: a sleep's timer, a gather's
 * count of its children) when they touch different futures. Where the first ready callback sleeps,
 * the first one awake is asyncio's order for the bound (it costs no departure): the schedule that
 * would have run the sleeping one was explored already. {@link #distinctTraces} counts the traces
 * the tries ran; with the reduction each try is a new trace.
 *
 * <p>Under {@link SharedState#DECLARED} the search is {@link RaceSearch} instead, which takes task
 * steps to commute too when what Weft recorded of them shows nothing in common.
 */
final class ExhaustiveStrategy extends StrategyImpl {
  private final int maxPreemptions;
  private final boolean reduce;
  private final SharedState sharing;

  ExhaustiveStrategy(int maxPreemptions, SharedState sharing) {
    this(maxPreemptions, true, sharing);
  }

  /** A search with or without the reduction; without it, for tests that compare the two. */
  ExhaustiveStrategy(int maxPreemptions, boolean reduce) {
    this(maxPreemptions, reduce, SharedState.ANY);
  }

  private ExhaustiveStrategy(int maxPreemptions, boolean reduce, SharedState sharing) {
    this.maxPreemptions = maxPreemptions;
    this.reduce = reduce;
    this.sharing = sharing;
  }

  @Override
  public Search search(long seed) {
    if (sharing == SharedState.DECLARED) {
      return new RaceSearch(maxPreemptions);
    }
    return new Search() {
      private List<Choice> prefix = new ArrayList<>();
      private ReducingChooser current;
      private boolean exhausted;

      /**
       * The traces the tries ran, as 128-bit fingerprints of their canonical form (a try's form can
       * be long; its fingerprint is not); only counted, never iterated.
       */
      private final Set<Fingerprint> traces = new HashSet<>();

      @Override
      public Chooser nextTry(int tryIndex) {
        if (exhausted) {
          return null;
        }
        current = new ReducingChooser(prefix, reduce);
        return current;
      }

      @Override
      public void finished(List<Choice> choices) {
        List<Node> nodes = current.nodes;
        traces.add(Fingerprint.of(current.trace()));
        int end = Math.min(choices.size(), nodes.size());
        int[] costBefore = new int[end + 1];
        for (int i = 0; i < end; i++) {
          costBefore[i + 1] = costBefore[i] + nodes.get(i).cost();
        }
        for (int i = end - 1; i >= 0; i--) {
          Node node = nodes.get(i);
          for (int next = node.value + 1; next < node.options; next++) {
            if (costBefore[i] + node.costOf(next) > maxPreemptions || node.redundant(next)) {
              continue;
            }
            List<Choice> branch = new ArrayList<>(choices.subList(0, i));
            branch.add(choices.get(i).withValue(next));
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

      @Override
      public int distinctTraces() {
        return traces.size();
      }
    };
  }

  /** One choice point of a try, with what the search needs to branch there. */
  private static final class Node {
    final Choice.Kind kind;
    final int options;
    final int value;

    /** For a task choice: the pass's ready callbacks, by their place at the start of the pass. */
    final Pass pass;

    /** For a task choice: the callbacks still to run in this pass, in order, by place. */
    final int[] remaining;

    /** For a task choice: the callbacks asleep here, by place. */
    final BitSet sleep;

    /** For a task choice: the first one awake, which costs no departure. */
    final int first;

    Node(Choice.Kind kind, int options, int value, Pass pass, int[] remaining, BitSet sleep) {
      this.kind = kind;
      this.options = options;
      this.value = value;
      this.pass = pass;
      this.remaining = remaining;
      this.sleep = sleep;
      this.first = remaining == null ? 0 : firstAwake(remaining, sleep);
    }

    int cost() {
      return costOf(value);
    }

    int costOf(int choice) {
      if (kind == Choice.Kind.DATA) {
        return 0;
      }
      return choice != first ? 1 : 0;
    }

    /**
     * Returns whether taking {@code choice} here runs nothing new: it sleeps, or every order of the
     * rest of the pass would have to run a sleeping callback.
     */
    boolean redundant(int choice) {
      if (remaining == null) {
        return false;
      }
      if (sleep.get(remaining[choice])) {
        return true;
      }
      BitSet asleep = pass.sleepAfter(remaining, sleep, choice);
      List<Integer> rest = new ArrayList<>();
      for (int i = 0; i < remaining.length; i++) {
        if (i != choice) {
          rest.add(remaining[i]);
        }
      }
      while (rest.size() >= 2) {
        int awake = -1;
        for (int i = 0; i < rest.size() && awake < 0; i++) {
          if (!asleep.get(rest.get(i))) {
            awake = i;
          }
        }
        if (awake < 0) {
          return true;
        }
        int place = rest.remove(awake);
        if (pass.touchesAnything(place)) {
          return false; // wakes every sleeper, and nothing sleeps below a fresh branch
        }
        asleep = pass.stillAsleep(asleep, place);
      }
      return rest.size() == 1 && asleep.get(rest.get(0));
    }
  }

  private static int firstAwake(int[] remaining, BitSet sleep) {
    for (int i = 0; i < remaining.length; i++) {
      if (!sleep.get(remaining[i])) {
        return i;
      }
    }
    return 0;
  }

  /**
   * A pass's ready callbacks: which commute with which, by their place at the start of the pass.
   */
  private static final class Pass {
    /** For each place, -1 if the callback may touch anything, else the first place like it. */
    final int[] footprint;

    Pass(LoopView view, int candidates) {
      footprint = new int[candidates];
      for (int place = 0; place < candidates; place++) {
        Object touched = view.candidateFootprint(place);
        footprint[place] = -1;
        for (int earlier = 0; touched != null && earlier <= place; earlier++) {
          if (view.candidateFootprint(earlier) == touched) {
            footprint[place] = earlier;
            break;
          }
        }
      }
    }

    boolean touchesAnything(int place) {
      return footprint[place] < 0;
    }

    boolean commute(int one, int other) {
      return footprint[one] >= 0 && footprint[other] >= 0 && footprint[one] != footprint[other];
    }

    /** The sleep set after running {@code remaining[choice]}: sleepers and explored siblings. */
    BitSet sleepAfter(int[] remaining, BitSet sleep, int choice) {
      BitSet after = new BitSet();
      int ran = remaining[choice];
      for (int i = 0; i < remaining.length; i++) {
        int place = remaining[i];
        if (i != choice && (i < choice || sleep.get(place)) && commute(place, ran)) {
          after.set(place);
        }
      }
      return after;
    }

    BitSet stillAsleep(BitSet asleep, int ran) {
      BitSet after = new BitSet();
      for (int place = asleep.nextSetBit(0); place >= 0; place = asleep.nextSetBit(place + 1)) {
        if (commute(place, ran)) {
          after.set(place);
        }
      }
      return after;
    }
  }

  /**
   * Takes the prefix's values in order (clamped to what is possible), then the defaults: the first
   * ready callback that is not asleep, no switch, value 0. Records each choice point as a {@link
   * Node}, and the trace it ran.
   */
  private static final class ReducingChooser extends Chooser {
    private final List<Choice> prefix;
    private final boolean reduce;
    private int next;
    final List<Node> nodes = new ArrayList<>();

    private Pass pass;
    private List<Integer> remaining = new ArrayList<>();
    private BitSet sleep = new BitSet();

    /** The trace: each pass's callbacks by place, Weft's commuting ones in a canonical order. */
    private final StringBuilder trace = new StringBuilder();

    /** The callbacks of this pass run so far, by place; canonicalized when the pass ends. */
    private final List<Integer> ran = new ArrayList<>();

    ReducingChooser(List<Choice> prefix, boolean reduce) {
      this.prefix = prefix;
      this.reduce = reduce;
    }

    private int take(int options, int fallback) {
      if (next >= prefix.size()) {
        return fallback;
      }
      int value = prefix.get(next++).value();
      return value < options ? value : fallback;
    }

    @Override
    int pickTask(LoopView view, int candidates) {
      if (remaining.size() < 2 || candidates != remaining.size()) {
        endPass();
        pass = new Pass(view, candidates);
        remaining = new ArrayList<>();
        for (int place = 0; place < candidates; place++) {
          remaining.add(place);
        }
        sleep = new BitSet();
      }
      int[] places = remaining.stream().mapToInt(Integer::intValue).toArray();
      BitSet asleep = reduce ? sleep : new BitSet();
      int first = firstAwake(places, asleep);
      int index = take(candidates, first);
      nodes.add(
          new Node(Choice.Kind.TASK, candidates, index, pass, reduce ? places : null, asleep));
      sleep = pass.sleepAfter(places, asleep, index);
      ran.add(remaining.remove(index));
      return index;
    }

    /** Closes the pass that just ended: its last callback ran without a choice. */
    private void endPass() {
      if (pass == null) {
        return;
      }
      ran.addAll(remaining);
      // Weft's own callbacks that commute may run in any order: sort each stretch of them by
      // footprint, keeping the order of those that touch the same thing.
      int start = 0;
      for (int i = 0; i <= ran.size(); i++) {
        if (i == ran.size() || pass.touchesAnything(ran.get(i))) {
          List<Integer> stretch = new ArrayList<>(ran.subList(start, i));
          stretch.sort((a, b) -> Integer.compare(pass.footprint[a], pass.footprint[b]));
          for (int place : stretch) {
            trace.append(place).append(',');
          }
          if (i < ran.size()) {
            trace.append(ran.get(i)).append(',');
          }
          start = i + 1;
        }
      }
      trace.append('|');
      ran.clear();
      remaining = new ArrayList<>();
      pass = null;
    }

    @Override
    boolean preempt(LoopView view) {
      int value = take(2, 0);
      nodes.add(new Node(Choice.Kind.PREEMPT, 2, value, null, null, null));
      trace.append('p').append(value).append(',');
      return value == 1;
    }

    @Override
    int data(LoopView view, int bound) {
      int value = take(bound, 0);
      nodes.add(new Node(Choice.Kind.DATA, bound, value, null, null, null));
      trace.append('d').append(value).append(',');
      return value;
    }

    CharSequence trace() {
      endPass();
      return trace;
    }
  }

  @Override
  public boolean shardable() {
    return false;
  }

  @Override
  public String toString() {
    return sharing == SharedState.ANY
        ? "Strategy.exhaustive(" + maxPreemptions + ")"
        : "Strategy.exhaustive(" + maxPreemptions + ", SharedState." + sharing + ")";
  }
}
