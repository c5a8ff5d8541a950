package dev.weft.internal;

import dev.weft.RunEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The times a task held the run (the baton, from one switch to the next) for longer than {@code
 * RunOptions.slowStepWarning} in real time while its thread was seen blocked outside Weft: one
 * entry per task (how many, and the longest), and the warning that says so.
 *
 * <p>Real time never decides anything in a run: this is only read to write a warning, which a run
 * without a slow step does not have, so its reports stay the same on every machine. Entries keep
 * the order in which tasks first had a slow step.
 */
public final class SlowSteps {
  private final long thresholdNanos;
  private final Map<String, Entry> byTask = new LinkedHashMap<>();
  private int runs;
  private int runsWithSlowSteps;

  /** A task's slow steps: how many, and the longest with what the task was doing around it. */
  private static final class Entry {
    final String task;
    int count;
    long longest;
    long virtualTime;
    String from;
    String until;

    Entry(String task) {
      this.task = task;
    }
  }

  /**
   * Creates an empty record.
   *
   * @param threshold the threshold, {@code RunOptions.slowStepWarning()}; zero when disabled
   */
  public SlowSteps(Duration threshold) {
    this.thresholdNanos = VirtualTime.saturatedNanos(threshold);
  }

  /** Records one slow step of {@code task}. */
  void add(String task, long nanos, long virtualTime, String from, String until) {
    Entry entry = byTask.computeIfAbsent(task, Entry::new);
    entry.count++;
    if (nanos > entry.longest) {
      entry.longest = nanos;
      entry.virtualTime = virtualTime;
      entry.from = from;
      entry.until = until;
    }
  }

  /**
   * Adds the slow steps of one run (an exploration's try) to this record.
   *
   * @param run the run's slow steps
   */
  public void addRun(SlowSteps run) {
    runs++;
    if (run.byTask.isEmpty()) {
      return;
    }
    runsWithSlowSteps++;
    for (Entry other : run.byTask.values()) {
      Entry entry = byTask.computeIfAbsent(other.task, Entry::new);
      entry.count += other.count;
      if (other.longest > entry.longest) {
        entry.longest = other.longest;
        entry.virtualTime = other.virtualTime;
        entry.from = other.from;
        entry.until = other.until;
      }
    }
  }

  /**
   * Returns whether no step was slow.
   *
   * @return whether there is nothing to warn about
   */
  public boolean isEmpty() {
    return byTask.isEmpty();
  }

  /**
   * Returns the warning, or {@code null} when no step was slow: one line per task (its longest
   * step, when it was, between which Weft calls, and how many of its steps were slow), then what it
   * means.
   *
   * @return the warning, or {@code null}
   */
  public String warning() {
    if (byTask.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder("Warning: ");
    out.append(byTask.size() == 1 ? "a task" : byTask.size() + " tasks")
        .append(" held the run for more than ")
        .append(millis(thresholdNanos))
        .append(" of real time while blocked outside Weft (RunOptions.slowStepWarning)");
    if (runs > 0) {
      out.append(", in ")
          .append(runsWithSlowSteps)
          .append(" of ")
          .append(runs)
          .append(runs == 1 ? " try" : " tries");
    }
    out.append(":\n");
    for (Entry entry : byTask.values()) {
      out.append("  task '")
          .append(entry.task)
          .append("' held it for ")
          .append(millis(entry.longest))
          .append(", from ")
          .append(entry.from)
          .append(" at virtual time ")
          .append(VirtualTime.format(entry.virtualTime))
          .append(" until ")
          .append(entry.until);
      if (entry.count > 1) {
        out.append(" (the longest of ")
            .append(String.format(Locale.ROOT, "%,d", entry.count))
            .append(" times)");
      }
      out.append('\n');
    }
    out.append("Weft runs one task at a time and switches only inside its own calls, so code that")
        .append(" blocks outside Weft (Thread.sleep, a JDK lock or queue, I/O) holds up the whole")
        .append(" run, makes it slow, and is invisible to exploration. Use Weft's counterparts")
        .append(" (Weft.sleep, Weft's queues and locks, the Jdk adapters), or raise the threshold")
        .append(" with RunOptions.slowStepWarning if the work is only slow.");
    return out.toString();
  }

  /** Says where a step began: {@code its start}, {@code its return from get on queue 'items'}. */
  static String from(WaitReason resumedFrom) {
    return resumedFrom == null ? "its start" : "its return from " + call(resumedFrom);
  }

  /** Says where a step ended: {@code its next wait, in sleep}, {@code its end}. */
  static String until(WaitReason next) {
    return next == null ? "its end" : "its next wait, in " + call(next);
  }

  /**
   * Names a Weft call without the state of its primitive, which has changed since: {@code get on
   * queue 'items'}, {@code join(worker)}, {@code sleep}.
   */
  private static String call(WaitReason reason) {
    RunEvent.Wait wait = reason.describe();
    if (wait.on() != null) {
      return wait.operation() + " on " + wait.on();
    }
    if (!wait.tasks().isEmpty()) {
      return wait.operation() + "(" + String.join(", ", abbreviated(wait.tasks())) + ")";
    }
    return wait.operation();
  }

  private static List<String> abbreviated(List<String> names) {
    if (names.size() <= 4) {
      return names;
    }
    List<String> shown = new ArrayList<>(names.subList(0, 3));
    shown.add("... " + names.size() + " in all");
    return shown;
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%,d ms", TimeUnit.NANOSECONDS.toMillis(nanos));
  }
}
