package dev.weft.explore;

import dev.weft.BlockedOutsideWeftException;
import dev.weft.Preemption;
import dev.weft.RunEvent;
import dev.weft.Schedule;
import dev.weft.internal.CarrierPool;
import dev.weft.internal.Runner;
import dev.weft.internal.search.Choice;
import dev.weft.internal.search.Chooser;
import dev.weft.internal.search.ScheduleAccess;
import dev.weft.internal.search.TryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Shrinks a failing schedule to the smallest one that fails the same way (the same {@link
 * FailureKind} and exception type, from whichever task), then replays it with a trace (twice more
 * when the determinism check is on) and makes the counterexample.
 *
 * <p>Its replays are lenient ({@link Chooser#replaying}): a candidate cut from a longer schedule
 * may meet choice points of other kinds than it holds, and takes their defaults there.
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
  private final CarrierPool pool;
  private final Callable<Void> main;

  /** Whether "the same way" also means the same blocked tasks (every distinct failure). */
  private final boolean sameBlocked;

  private int replays;

  Shrinker(Explorer explorer, CarrierPool pool, Callable<Void> main, boolean sameBlocked) {
    this.explorer = explorer;
    this.pool = pool;
    this.main = main;
    this.sameBlocked = sameBlocked;
  }

  Counterexample counterexample(TryRecord found, String where) {
    Signature signature = Signature.of(found);
    List<Choice> minimal = normalize(found.choices());
    if (found.failure() instanceof BlockedOutsideWeftException) {
      // Each replay would wait for the watchdog again: report the schedule as found, unshrunk.
      return new FoundCounterexample(
          explorer,
          where,
          schedule(minimal),
          schedule(minimal),
          found.choices().size(),
          0,
          found,
          found.failure(),
          signature.kind(),
          null);
    }
    boolean improved = true;
    // An interrupt (a test framework's timeout) ends the shrinking with the smallest schedule so
    // far.
    while (improved && replays < BUDGET && !Thread.currentThread().isInterrupted()) {
      improved = false;
      for (List<Choice> candidate : candidates(minimal)) {
        if (replays >= BUDGET) {
          break;
        }
        TryRecord run = replay(candidate, false);
        Signature ran = Signature.of(run);
        if (sameBlocked ? signature.equals(ran) : signature.sameWay(ran)) {
          List<Choice> taken = normalize(run.choices());
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
        where,
        schedule(normalize(found.choices())),
        schedule(minimal),
        found.choices().size(),
        shrinkReplays,
        minimalRun,
        found.failure(),
        signature.kind(),
        nondeterminism);
  }

  /** Runs the scenario once more with {@code choices}, then the defaults. */
  private TryRecord replay(List<Choice> choices, boolean trace) {
    replays++;
    return Runner.runTry(explorer.tryOptions(), Chooser.replaying(choices), trace, pool, main);
  }

  /**
   * Compares the traces of three runs of the same schedule; returns what differs first, or {@code
   * null}.
   */
  private static String compare(TryRecord first, TryRecord second, TryRecord third) {
    for (TryRecord other : List.of(second, third)) {
      List<RunEvent> a = first.events();
      List<RunEvent> b = other.events();
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
  private static RunEvent key(RunEvent event) {
    RunEvent.Detail detail = event.detail();
    if (detail instanceof RunEvent.Returned) {
      detail = new RunEvent.Returned("");
    } else if (detail instanceof RunEvent.Failed) {
      RunEvent.Failed failed = (RunEvent.Failed) detail;
      detail = new RunEvent.Failed(failed.exceptionType(), "", failed.unwound());
    } else if (detail instanceof RunEvent.Operation) {
      RunEvent.Operation operation = (RunEvent.Operation) detail;
      detail =
          new RunEvent.Operation(
              operation.primitive(), operation.name(), operation.operation(), null);
    }
    return new RunEvent(event.time(), event.task(), event.kind(), detail);
  }

  /** Drops trailing defaults and the task names of default task choices (they add nothing). */
  static List<Choice> normalize(List<Choice> choices) {
    List<Choice> out = new ArrayList<>(choices.size());
    for (Choice choice : choices) {
      out.add(
          choice.value() == 0 && choice.task() != null
              ? new Choice(choice.kind(), 0, choice.options(), null)
              : choice);
    }
    int end = out.size();
    while (end > 0 && out.get(end - 1).value() == 0) {
      end--;
    }
    return new ArrayList<>(out.subList(0, end));
  }

  private static List<List<Choice>> candidates(List<Choice> schedule) {
    List<List<Choice>> out = new ArrayList<>();
    int n = schedule.size();
    for (int cut : new int[] {0, n / 4, n / 2, 3 * n / 4}) {
      if (cut < n) {
        out.add(new ArrayList<>(schedule.subList(0, cut)));
      }
    }
    for (int chunk = n / 2; chunk >= 1; chunk /= 2) {
      for (int start = 0; start + chunk <= n; start += chunk) {
        List<Choice> without = new ArrayList<>(schedule.subList(0, start));
        without.addAll(schedule.subList(start + chunk, n));
        out.add(without);
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      if (schedule.get(i).value() != 0) {
        out.add(with(schedule, i, 0));
      }
    }
    for (int i = 0; i < n; i++) {
      int value = schedule.get(i).value();
      if (value > 1) {
        out.add(with(schedule, i, value / 2));
      }
      if (value > 0) {
        out.add(with(schedule, i, value - 1));
      }
    }
    return out;
  }

  private static List<Choice> with(List<Choice> schedule, int index, int value) {
    List<Choice> changed = new ArrayList<>(schedule);
    changed.set(index, schedule.get(index).withValue(value));
    return changed;
  }

  /** The schedule of a run's choices, as it reads best: its departures, with blanks between. */
  private Schedule schedule(List<Choice> choices) {
    return ScheduleAccess.recorded(
        choices, explorer.tryOptions().preemption() == Preemption.EVERY_OPERATION);
  }

  /** Context switches, then length, then the sum of values: smaller is simpler. */
  private record Score(int departures, int length, long sum) implements Comparable<Score> {
    static Score of(List<Choice> choices) {
      int departures = 0;
      long sum = 0;
      for (Choice choice : choices) {
        if (choice.departs()) {
          departures++;
        }
        sum += choice.value();
      }
      return new Score(departures, choices.size(), sum);
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
