package dev.weft.explore;

import dev.weft.BlockedOutsideWeftException;
import dev.weft.RunEvent;
import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.Strategy;
import dev.weft.internal.CarrierPool;
import dev.weft.internal.Decision;
import dev.weft.internal.Runner;
import dev.weft.internal.ScheduleAccess;
import dev.weft.internal.StrategyImpl;
import dev.weft.internal.TryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Shrinks a failing schedule to the smallest one that fails the same way, then replays it with a
 * trace (twice more when the determinism check is on) and makes the counterexample.
 *
 * <p>Schedules are compared by how many task choices and switches depart from the default
 * (asyncio's order, no switch), then by length, then by the sum of their values: fewer context
 * switches first, then fewer choices, then smaller data. Candidates, tried in this order until one
 * fails the same way: the first quarter, half and three quarters of the schedule (the rest at
 * defaults); the schedule without a chunk of choices (halves, quarters, ... single choices); each
 * departure set back to its default; each value halved, then lowered by one. An accepted candidate
 * is replaced by what its run actually decided, and the search starts over from it; it stops when
 * no candidate improves or after {@value #BUDGET} replays.
 */
final class Shrinker {
  static final int BUDGET = 500;

  private final Explorer explorer;
  private final RunOptions options;
  private final CarrierPool pool;
  private final Callable<Void> main;
  private int replays;

  Shrinker(Explorer explorer, RunOptions options, CarrierPool pool, Callable<Void> main) {
    this.explorer = explorer;
    this.options = options;
    this.pool = pool;
    this.main = main;
  }

  Counterexample counterexample(TryRecord found, int tryIndex) {
    Signature signature = Signature.of(found);
    List<Decision> minimal = normalize(found.decisions);
    if (found.failure instanceof BlockedOutsideWeftException) {
      // Each replay would wait for the watchdog again: report the schedule as found, unshrunk.
      return new FoundCounterexample(
          explorer,
          tryIndex,
          schedule(minimal),
          schedule(minimal),
          found.decisions.size(),
          0,
          found,
          found.failure,
          null);
    }
    boolean improved = true;
    while (improved && replays < BUDGET) {
      improved = false;
      for (List<Decision> candidate : candidates(minimal)) {
        if (replays >= BUDGET) {
          break;
        }
        TryRecord run = replay(candidate, false);
        if (run.failure != null && signature.equals(Signature.of(run))) {
          List<Decision> taken = normalize(run.decisions);
          if (Score.of(taken).compareTo(Score.of(minimal)) < 0) {
            minimal = taken;
            improved = true;
            break;
          }
        }
      }
    }
    int shrinkReplays = replays;
    TryRecord minimalRun = replay(minimal, true);
    String nondeterminism = null;
    if (explorer.checksDeterminism()) {
      nondeterminism = compare(minimalRun, replay(minimal, true), replay(minimal, true));
    }
    return new FoundCounterexample(
        explorer,
        tryIndex,
        schedule(normalize(found.decisions)),
        schedule(minimal),
        found.decisions.size(),
        shrinkReplays,
        minimalRun,
        found.failure,
        nondeterminism);
  }

  private TryRecord replay(List<Decision> decisions, boolean trace) {
    replays++;
    Strategy replay = Strategy.replay(schedule(decisions));
    return Runner.explore(
        options, StrategyImpl.of(replay, "strategy").search(explorer.seed()), 0, trace, pool, main);
  }

  /**
   * Compares the traces of three runs of the same schedule; returns what differs first, or {@code
   * null}.
   */
  private static String compare(TryRecord first, TryRecord second, TryRecord third) {
    for (TryRecord other : List.of(second, third)) {
      List<RunEvent> a = first.events;
      List<RunEvent> b = other.events;
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        RunEvent x = i < a.size() ? a.get(i) : null;
        RunEvent y = i < b.size() ? b.get(i) : null;
        if (x == null || y == null || !key(x).equals(key(y))) {
          return "event "
              + (i + 1)
              + " was \""
              + (x == null ? "the end of the run" : x)
              + "\" in one replay and \""
              + (y == null ? "the end of the run" : y)
              + "\" in another";
        }
      }
    }
    return null;
  }

  /**
   * What must be equal in two runs of one schedule: everything Weft decides. A task's result, a
   * failure's message and a queue's item come from user {@code toString}s, which may print identity
   * hashes, so they are left out (only the failure's type is compared).
   */
  private static String key(RunEvent event) {
    String detail;
    switch (event.kind()) {
      case COMPLETED:
        detail = "";
        break;
      case FAILED:
        int colon = event.detail().indexOf(':');
        detail = colon < 0 ? event.detail() : event.detail().substring(0, colon);
        break;
      case OPERATION:
        int item = event.detail().indexOf(": ");
        detail = item < 0 ? event.detail() : event.detail().substring(0, item);
        break;
      default:
        detail = event.detail();
    }
    return event.time() + " " + event.task() + " " + event.kind() + " " + detail;
  }

  /** Drops trailing defaults and the task names of default task choices (they add nothing). */
  static List<Decision> normalize(List<Decision> decisions) {
    List<Decision> out = new ArrayList<>(decisions.size());
    for (Decision decision : decisions) {
      out.add(
          decision.value == 0 && decision.task != null
              ? new Decision(decision.kind, 0, decision.options, null)
              : decision);
    }
    int end = out.size();
    while (end > 0 && out.get(end - 1).value == 0) {
      end--;
    }
    return new ArrayList<>(out.subList(0, end));
  }

  private static List<List<Decision>> candidates(List<Decision> schedule) {
    List<List<Decision>> out = new ArrayList<>();
    int n = schedule.size();
    for (int cut : new int[] {0, n / 4, n / 2, 3 * n / 4}) {
      if (cut < n) {
        out.add(new ArrayList<>(schedule.subList(0, cut)));
      }
    }
    for (int chunk = n / 2; chunk >= 1; chunk /= 2) {
      for (int start = 0; start + chunk <= n; start += chunk) {
        List<Decision> without = new ArrayList<>(schedule.subList(0, start));
        without.addAll(schedule.subList(start + chunk, n));
        out.add(without);
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      if (schedule.get(i).value != 0) {
        out.add(with(schedule, i, 0));
      }
    }
    for (int i = 0; i < n; i++) {
      int value = schedule.get(i).value;
      if (value > 1) {
        out.add(with(schedule, i, value / 2));
      }
      if (value > 0) {
        out.add(with(schedule, i, value - 1));
      }
    }
    return out;
  }

  private static List<Decision> with(List<Decision> schedule, int index, int value) {
    List<Decision> changed = new ArrayList<>(schedule);
    changed.set(index, schedule.get(index).withValue(value));
    return changed;
  }

  static Schedule schedule(List<Decision> decisions) {
    return ScheduleAccess.make(decisions);
  }

  /** Context switches, then length, then the sum of values: smaller is simpler. */
  private static final class Score implements Comparable<Score> {
    final int departures;
    final int length;
    final long sum;

    private Score(int departures, int length, long sum) {
      this.departures = departures;
      this.length = length;
      this.sum = sum;
    }

    static Score of(List<Decision> decisions) {
      int departures = 0;
      long sum = 0;
      for (Decision decision : decisions) {
        if (decision.value != 0 && decision.kind != Decision.Kind.DATA) {
          departures++;
        }
        sum += decision.value;
      }
      return new Score(departures, decisions.size(), sum);
    }

    @Override
    public int compareTo(Score other) {
      if (departures != other.departures) {
        return Integer.compare(departures, other.departures);
      }
      if (length != other.length) {
        return Integer.compare(length, other.length);
      }
      return Long.compare(sum, other.sum);
    }
  }
}
