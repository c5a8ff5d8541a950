package dev.weft.internal.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exhaustive search under {@code SharedState.DECLARED}: dynamic partial-order reduction
 * (Flanagan and Godefroid, POPL 2005) with sleep sets, in asyncio's round model.
 *
 * <p>Each try records what every step touched ({@link Footprint}). Two steps of one pass whose
 * footprints intersect race: running them the other way round may give another result. Everything
 * else commutes. Within a pass nothing orders the steps but the choices: every ready callback was
 * ready when the pass began and runs once in it, so the later step of a race could have run at the
 * earlier one's choice point. So after a try, for each step, the search adds it to the choices to
 * explore at the choice points of the pass up to the last step it races with (not only that last
 * one: within a bound on departures, running it earlier may be the cheaper way to reverse the
 * race); a choice point explores only those, plus its default. Sleep sets keep a branch from
 * running again, first, a step already explored first at an earlier sibling, until a step it races
 * with has run; a try that meets a choice point where every candidate sleeps repeats an explored
 * trace, and nothing below that point is explored. A step's sub-choices (switches at operations,
 * {@code Weft.choose}) are explored in full, as by the unreduced search.
 *
 * <p>The depth-first search replays the previous try up to its deepest choice point with a value
 * left to explore within the bound on departures, as {@link ExhaustiveStrategy} does; the choice
 * points of the path live across tries, each with the values it must still explore.
 */
final class RaceSearch extends Search {
  private final int maxPreemptions;

  /** The choice points of the path the search is on, in the order the tries meet them. */
  private final List<Node> stack = new ArrayList<>();

  /** How many nodes of the stack the next try replays; the last one with its new value. */
  private int replayed;

  private RaceChooser current;
  private boolean exhausted;

  /** The traces the tries ran, by fingerprint; only counted, never iterated. */
  private final Set<Fingerprint> traces = new HashSet<>();

  RaceSearch(int maxPreemptions) {
    this.maxPreemptions = maxPreemptions;
  }

  @Override
  public Chooser nextTry(int tryIndex) {
    if (exhausted) {
      return null;
    }
    truncate(replayed);
    current = new RaceChooser();
    return current;
  }

  @Override
  public void finished(List<Choice> choices) {
    current.close();
    traces.add(Fingerprint.of(current.trace));
    int[] costBefore = new int[stack.size() + 1];
    for (int i = 0; i < stack.size(); i++) {
      Node node = stack.get(i);
      costBefore[i + 1] = costBefore[i] + node.costOf(node.value);
    }
    for (int k = stack.size() - 1; k >= 0; k--) {
      Node node = stack.get(k);
      int next = node.nextValue(maxPreemptions - costBefore[k]);
      if (next >= 0) {
        node.value = next;
        replayed = k + 1;
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

  private void truncate(int size) {
    while (stack.size() > size) {
      stack.remove(stack.size() - 1);
    }
  }

  /** One choice point of the path, with the values it has tried and must still try. */
  private static final class Node {
    final Choice.Kind kind;
    final int options;

    /** The value the path takes here: for a task choice, the place of the callback it runs. */
    int value;

    /** For a task choice: the first place not asleep, which costs no departure. */
    final int first;

    /** For a task choice: the places asleep here, with what their step touched. */
    final Map<Integer, Footprint> sleep;

    /** For a task choice: the places to run here: the default, and the later steps of races. */
    final BitSet backtrack = new BitSet();

    /** For a task choice: the places run here so far, the value included. */
    final BitSet tried = new BitSet();

    /** For a task choice: what the step of each place run here touched, over every try. */
    final Map<Integer, Footprint> touched = new TreeMap<>();

    /**
     * Whether the node lies at or below a choice point where every candidate slept: every run from
     * there repeats a trace explored already, so the search takes no other value here.
     */
    boolean redundant;

    private Node(Choice.Kind kind, int options, int first, Map<Integer, Footprint> sleep) {
      this.kind = kind;
      this.options = options;
      this.first = first;
      this.value = first;
      this.sleep = sleep;
      backtrack.set(first);
    }

    static Node task(int options, List<Integer> remaining, Map<Integer, Footprint> sleep) {
      int first = remaining.get(0);
      for (int place : remaining) {
        if (!sleep.containsKey(place)) {
          first = place;
          break;
        }
      }
      return new Node(Choice.Kind.TASK, options, first, new TreeMap<>(sleep));
    }

    static Node other(Choice.Kind kind, int options) {
      return new Node(kind, options, 0, Map.of());
    }

    int costOf(int choice) {
      switch (kind) {
        case TASK:
          return choice == first ? 0 : 1;
        case PREEMPT:
          return choice;
        default:
          return 0;
      }
    }

    /** Returns what the step of {@code place}, run here, touched; anything if it never ended. */
    Footprint touchedBy(int place) {
      return touched.getOrDefault(place, Footprint.ANYTHING);
    }

    /** Returns the next value to explore here within {@code budget} departures, or -1. */
    int nextValue(int budget) {
      if (redundant) {
        return -1;
      }
      if (kind == Choice.Kind.TASK) {
        for (int place = backtrack.nextSetBit(0);
            place >= 0;
            place = backtrack.nextSetBit(place + 1)) {
          if (!tried.get(place) && !sleep.containsKey(place) && costOf(place) <= budget) {
            return place;
          }
        }
        return -1;
      }
      for (int next = value + 1; next < options; next++) {
        if (costOf(next) <= budget) {
          return next;
        }
      }
      return -1;
    }
  }

  /** A step of a pass, as a try ran it. */
  private record Step(int place, Footprint touched, int node, String choices) {}

  /**
   * Takes the path's values while it replays, then the defaults (the first place not asleep, no
   * switch, value 0), adding a node for each new choice point; records each pass's steps and finds
   * their races when the pass ends.
   */
  private final class RaceChooser extends Chooser {
    private int nodeIndex;

    /**
     * Whether this try met a choice point where every candidate slept (a sleep-set-blocked run): it
     * runs on, but repeats a trace explored already, so nothing below is explored.
     */
    private boolean blocked;

    /** The places of this pass that have not run yet, in asyncio's order. */
    private List<Integer> remaining = new ArrayList<>();

    /**
     * What the trace calls each place of this pass: its task's creation index, which the order of
     * the previous pass does not change, or for a plain callback a number past every task's.
     */
    private long[] identities = new long[0];

    /** The places asleep now, with what their step touched. */
    private Map<Integer, Footprint> sleep = new TreeMap<>();

    /** The steps of this pass so far. */
    private List<Step> steps = new ArrayList<>();

    /** The step that runs now, if a choice picked it: its place and node; else -1. */
    private int runningPlace = -1;

    private int runningNode = -1;

    /** The sub-choices of the step that runs now. */
    private final StringBuilder stepChoices = new StringBuilder();

    /** The trace: each pass's steps in a canonical order of their commuting ones. */
    final StringBuilder trace = new StringBuilder();

    @Override
    boolean recordsFootprints() {
      return true;
    }

    @Override
    void passBegan(LoopView view, int candidates) {
      endPass();
      remaining = new ArrayList<>();
      identities = new long[candidates];
      for (int place = 0; place < candidates; place++) {
        remaining.add(place);
        int task = view.candidateTask(place);
        identities[place] = task >= 0 ? task : (long) Integer.MAX_VALUE + place;
      }
      sleep = new TreeMap<>();
    }

    @Override
    int pickTask(LoopView view, int candidates) {
      if (remaining.size() != candidates) {
        passBegan(view, candidates); // not expected: the loop announces every pass
      }
      Node node = replaying(Choice.Kind.TASK, candidates);
      if (node != null && !remaining.contains(node.value)) {
        truncate(nodeIndex);
        node = null;
      }
      if (node == null) {
        node = Node.task(candidates, remaining, sleep);
        blocked |= sleep.keySet().containsAll(remaining);
        node.redundant = blocked;
        stack.add(node);
      }
      node.tried.set(node.value);
      runningPlace = node.value;
      runningNode = nodeIndex++;
      int index = remaining.indexOf(node.value);
      remaining.remove(index);
      return index;
    }

    @Override
    void stepEnded(Footprint footprint) {
      int place = runningPlace;
      int at = runningNode;
      runningPlace = -1;
      runningNode = -1;
      if (place < 0) {
        if (remaining.isEmpty()) {
          return; // not expected: a step outside any pass
        }
        place = remaining.remove(0); // the last of its pass, which ran without a choice
      }
      steps.add(new Step(place, footprint, at, stepChoices.toString()));
      stepChoices.setLength(0);
      Map<Integer, Footprint> before = sleep;
      if (at >= 0) {
        Node node = stack.get(at);
        node.touched.merge(place, footprint, Footprint::union);
        before = new TreeMap<>(node.sleep);
        for (int other = node.tried.nextSetBit(0);
            other >= 0;
            other = node.tried.nextSetBit(other + 1)) {
          if (other != place) {
            before.put(other, node.touchedBy(other));
          }
        }
      }
      Map<Integer, Footprint> after = new TreeMap<>();
      for (Map.Entry<Integer, Footprint> asleep : before.entrySet()) {
        if (remaining.contains(asleep.getKey()) && !asleep.getValue().intersects(footprint)) {
          after.put(asleep.getKey(), asleep.getValue());
        }
      }
      sleep = after;
    }

    @Override
    boolean preempt(LoopView view) {
      Node node = choice(Choice.Kind.PREEMPT, 2);
      stepChoices.append('p').append(node.value);
      return node.value == 1;
    }

    @Override
    int data(LoopView view, int bound) {
      Node node = choice(Choice.Kind.DATA, bound);
      stepChoices.append('d').append(node.value);
      return node.value;
    }

    private Node choice(Choice.Kind kind, int options) {
      Node node = replaying(kind, options);
      if (node == null) {
        node = Node.other(kind, options);
        node.redundant = blocked;
        stack.add(node);
      }
      nodeIndex++;
      return node;
    }

    /** Returns the path's node for this choice point, or null (dropping the rest) if it differs. */
    private Node replaying(Choice.Kind kind, int options) {
      if (nodeIndex >= stack.size()) {
        return null;
      }
      Node node = stack.get(nodeIndex);
      if (node.kind == kind && node.options == options) {
        return node;
      }
      truncate(nodeIndex); // the program did not repeat itself: explore on from here
      return null;
    }

    /** The run is over: a step it cut short may have touched anything. */
    void close() {
      if (runningPlace >= 0) {
        stack.get(runningNode).touched.merge(runningPlace, Footprint.ANYTHING, Footprint::union);
        stepEnded(Footprint.ANYTHING);
      }
      endPass();
    }

    /**
     * Ends a pass: for each step, the last earlier step it races with gets it as a value to
     * explore, and the pass joins the trace in its canonical order.
     */
    private void endPass() {
      int count = steps.size();
      for (int later = 1; later < count; later++) {
        Step step = steps.get(later);
        for (int earlier = later - 1; earlier >= 0; earlier--) {
          Step other = steps.get(earlier);
          if (other.touched().intersects(step.touched())) {
            for (int at = 0; at <= earlier; at++) {
              int node = steps.get(at).node();
              if (node >= 0 && node < stack.size()) {
                stack.get(node).backtrack.set(step.place());
              }
            }
            break;
          }
        }
      }
      // The canonical order: each time, the lowest identity among the steps that no earlier step
      // left to emit races with.
      boolean[] emitted = new boolean[count];
      for (int round = 0; round < count; round++) {
        int pick = -1;
        for (int j = 0; j < count; j++) {
          if (emitted[j] || (pick >= 0 && identity(j) > identity(pick))) {
            continue;
          }
          boolean free = true;
          for (int i = 0; i < j && free; i++) {
            free = emitted[i] || !steps.get(i).touched().intersects(steps.get(j).touched());
          }
          if (free) {
            pick = j;
          }
        }
        emitted[pick] = true;
        Step step = steps.get(pick);
        trace.append(identity(pick)).append(step.choices()).append(',');
      }
      if (count > 0) {
        trace.append('|');
      }
      steps = new ArrayList<>();
    }

    private long identity(int step) {
      int place = steps.get(step).place();
      return place < identities.length ? identities[place] : place;
    }
  }
}
