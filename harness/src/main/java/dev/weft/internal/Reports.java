package dev.weft.internal;

import dev.weft.RunOptions;
import dev.weft.TaskFailedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the messages a failed run ends with: deadlock, step limit, watchdog, leftover tasks and
 * unobserved failures. Each says what happened in the program's words (task names, what they wait
 * on, virtual times), then what to do about it.
 */
final class Reports {
  /**
   * The last sentence of a deadlock or step-limit report; an explorer's report replaces it with its
   * replay line.
   */
  static final String REPRODUCE =
      "The run is deterministic: running it again with the same options reproduces it exactly.";

  private Reports() {}

  /** A task and where it stood, captured when a report was due. */
  static final class Blocked {
    final String task;
    final String where;

    Blocked(String task, String where) {
      this.task = task;
      this.where = where;
    }
  }

  /** A task or promise that failed, when, and whether main had already returned. */
  static final class Failure {
    final FutureBase<?> future;
    final long time;
    final boolean duringShutdown;

    Failure(FutureBase<?> future, long time, boolean duringShutdown) {
      this.future = future;
      this.time = time;
      this.duringShutdown = duringShutdown;
    }
  }

  /** A user callback that threw; reported at the end of the run like an unobserved task failure. */
  static final class CallbackFailure {
    final String description;
    final long time;
    final Throwable failure;

    CallbackFailure(String description, long time, Throwable failure) {
      this.description = description;
      this.time = time;
      this.failure = failure;
    }
  }

  static Blocked blocked(TaskImpl<?> task) {
    return new Blocked(task.name(), where(task));
  }

  /**
   * Says where a task stands: "blocked in gather(P0, P1)", "not started yet", "ready to run again
   * ...".
   */
  static String where(TaskImpl<?> task) {
    if (task.isDone()) {
      return task.describeState();
    }
    WaitReason reason = task.blockedIn();
    if (reason == null) {
      return task.carrier == null ? "not started yet" : "running";
    }
    if (reason == WaitReason.YIELD) {
      return "ready to run again after yieldNow()";
    }
    FutureBase<?> waitingOn = task.waitingOn();
    if (waitingOn != null && waitingOn.isDone()) {
      return "ready to resume from " + reason.describe().text();
    }
    return "blocked in " + reason.describe().text();
  }

  static String deadlock(Loop loop) {
    StringBuilder out = new StringBuilder();
    List<Blocked> blocked = notDone(loop);
    if (loop.mainReturned()) {
      out.append("Deadlock at virtual time ")
          .append(VirtualTime.format(loop.now()))
          .append(" while shutting down: main returned at ")
          .append(VirtualTime.format(loop.mainReturnedAt()))
          .append(" and the tasks still pending were cancelled, but these cannot finish:\n");
    } else {
      out.append("Deadlock at virtual time ")
          .append(VirtualTime.format(loop.now()))
          .append(": no task can run and no timer is pending, but main has not returned.\n")
          .append("Blocked tasks (")
          .append(blocked.size())
          .append("), in creation order:\n");
    }
    table(out, blocked);
    ended(out, loop);
    String stageHint = StageAwait.deadlockHint(loop.tasks());
    if (stageHint == null) {
      out.append("Each waits for something that only another blocked task could provide.\n")
          .append(REPRODUCE);
      return out.toString();
    }
    // A stage can be completed by anything, a thread outside the run included, whose timing the
    // run does not decide: the deadlock is certain only if nothing outside was to complete it.
    out.append(
            "Each waits for something that only another blocked task could provide, or a stage that"
                + " nothing in the run completes.\n")
        .append(stageHint)
        .append(
            "Running it again with the same options gives the same deadlock, unless work outside"
                + " the run completes the stage first: then the run stops with an"
                + " IllegalStateException that names the thread.");
    return out.toString();
  }

  static String stepLimit(Loop loop) {
    StringBuilder out = new StringBuilder();
    out.append("The run took ")
        .append(String.format(Locale.ROOT, "%,d", loop.options.maxSteps()))
        .append(" scheduler steps (RunOptions.maxSteps) without finishing, at virtual time ")
        .append(VirtualTime.format(loop.now()))
        .append(": a livelock, where tasks keep yielding or polling without making progress?\n")
        .append("Steps per task, most first: ");
    List<TaskImpl<?>> busiest = new ArrayList<>(loop.tasks());
    busiest.sort(
        Comparator.comparingLong((TaskImpl<?> t) -> -t.steps).thenComparingInt(t -> t.index));
    int shown = Math.min(5, busiest.size());
    for (int i = 0; i < shown; i++) {
      TaskImpl<?> task = busiest.get(i);
      out.append(i == 0 ? "" : "; ")
          .append(task.name())
          .append(' ')
          .append(String.format(Locale.ROOT, "%,d", task.steps));
    }
    if (busiest.size() > shown) {
      out.append("; and ").append(busiest.size() - shown).append(" more");
    }
    out.append("\nTasks not done, in creation order:\n");
    table(out, notDone(loop));
    out.append(
            "If the program really needs more steps, raise the limit with RunOptions.maxSteps(n).\n")
        .append(REPRODUCE);
    return out.toString();
  }

  /**
   * Says that the caller's interrupt stopped the run at virtual time {@code at}: what was running
   * then, how it was cancelled, what did not end within the grace period and was unwound, and which
   * tasks were left running outside Weft instead ({@code leftRunning}, in creation order).
   */
  static String interrupted(Loop loop, long at, List<TaskImpl<?>> leftRunning) {
    StringBuilder out = new StringBuilder();
    out.append("The thread that called Weft.run was interrupted (a timeout, a cancelled build) at")
        .append(" virtual time ")
        .append(VirtualTime.format(at))
        .append(", so the run stopped there.");
    List<Blocked> notDone = new ArrayList<>();
    List<String> leftNames = new ArrayList<>();
    for (TaskImpl<?> task : loop.tasks()) {
      if (leftRunning.contains(task)) {
        leftNames.add(task.name());
      } else if (!task.isDone()) {
        notDone.add(blocked(task));
      }
    }
    if (loop.interrupting()) {
      out.append(" Weft cancelled the tasks still running, as at the end of a run, and gave them ")
          .append(VirtualTime.format(Loop.INTERRUPT_GRACE_NANOS))
          .append(" of virtual time (at most ")
          .append(String.format(Locale.ROOT, "%,d", Loop.INTERRUPT_GRACE_STEPS))
          .append(" steps) to end. Tasks running then, in creation order:\n");
      table(out, loop.leftovers());
      if (notDone.isEmpty() && leftRunning.isEmpty()) {
        out.append("All of them ended within it.\n");
      } else if (!notDone.isEmpty()) {
        out.append("These did not end within it, and were unwound:\n");
        table(out, notDone);
      }
    } else if (!notDone.isEmpty()) {
      out.append(" Tasks not done, in creation order (each was unwound):\n");
      table(out, notDone);
    } else {
      out.append('\n');
    }
    if (!leftRunning.isEmpty()) {
      out.append("Left running, stuck outside Weft: ")
          .append(String.join(", ", leftNames))
          .append(" (it did not stop when interrupted; see the suppressed")
          .append(" BlockedOutsideWeftException).\n");
    }
    out.append("The interrupt is still set on the calling thread.");
    return out.toString();
  }

  /**
   * Says that a task (or the scheduler) held the run outside Weft past {@code limit} (the
   * watchdog's, or a shorter one once the caller was interrupted, {@code afterInterrupt}); {@code
   * abandonedAfter} is how long its interrupted thread was given to stop before it was left
   * running, or -1 if it stopped.
   */
  static String watchdog(
      Loop loop, TaskImpl<?> stuck, long limit, boolean afterInterrupt, long abandonedAfter) {
    String who = stuck == null ? "Weft's loop (between two tasks, no task running)" : stuck.label();
    StringBuilder out = new StringBuilder();
    out.append(who)
        .append(" ran for more than ")
        .append(VirtualTime.format(limit))
        .append(" of real time without calling into Weft (virtual time ")
        .append(VirtualTime.format(loop.now()))
        .append(
            "): it is blocked outside Weft, in Thread.sleep, a JDK lock or latch, I/O, or a busy loop.\n")
        .append(
            "Weft switches tasks only inside its own calls, so the whole run was stuck. Use Weft's")
        .append(" counterparts (Weft.sleep, a Promise, Weft's queues and locks) instead");
    if (afterInterrupt) {
      out.append(". The limit was ")
          .append(VirtualTime.format(limit))
          .append(", not the watchdog's, because the thread that called Weft.run was interrupted.");
    } else {
      out.append(", or raise the limit with RunOptions.watchdog(d) if the work is only slow.");
    }
    if (stuck != null) {
      out.append("\nThe cause shows the stack of ")
          .append(stuck.label())
          .append(" when the watchdog fired.");
    }
    if (abandonedAfter >= 0) {
      out.append("\nIts thread had not stopped ")
          .append(VirtualTime.format(abandonedAfter))
          .append(
              " (real time) after it was interrupted, so it was left running; it may still end by")
          .append(" itself.");
    }
    return out.toString();
  }

  /**
   * The error that a {@code VirtualMachineError} thrown inside Weft's own code ends the run with:
   * for a stack overflow, a {@code StackOverflowError} that names the task and the Weft call it
   * made (the original is its cause); another such error is returned as it was, with a note.
   */
  static Throwable brokenInsideWeft(Loop loop) {
    Throwable error = loop.ending.cause();
    TaskImpl<?> task = loop.ending.brokenTask();
    String who = task == null ? "Weft's loop" : task.label();
    String call = WeftFrames.callThatThrew(error);
    StringBuilder out = new StringBuilder();
    out.append(who)
        .append(error instanceof StackOverflowError ? " ran out of stack" : " failed with " + error)
        .append(call == null ? " inside Weft's own code" : " inside its call to " + call)
        .append(" at virtual time ")
        .append(VirtualTime.format(loop.now()))
        .append(", so the run was stopped there: Weft's own state may have been half updated.");
    if (error instanceof StackOverflowError) {
      out.append(
          "\nA recursion that calls Weft at every level? The cause is the original error; its stack"
              + " shows the recursion.");
      StackOverflowError reported = new StackOverflowError(out.toString());
      reported.initCause(error);
      return reported;
    }
    error.addSuppressed(new IllegalStateException(out.toString()));
    return error;
  }

  static String leftovers(Loop loop) {
    List<Blocked> leftovers = loop.leftovers();
    StringBuilder out = new StringBuilder();
    out.append(leftovers.size())
        .append(leftovers.size() == 1 ? " task was" : " tasks were")
        .append(" still pending when main returned at virtual time ")
        .append(VirtualTime.format(loop.mainReturnedAt()))
        .append("; Weft cancelled them:\n");
    table(out, leftovers);
    out.append(
            "Await every task you spawn (join, gather) before main returns, or allow leftovers with")
        .append(" RunOptions.failOnLeftoverTasks(false).");
    return out.toString();
  }

  /**
   * Turns each failure nobody observed (except main's own) into an exception that names its task.
   */
  static List<RuntimeException> unobservedFailures(Loop loop) {
    List<RuntimeException> reports = new ArrayList<>();
    for (Failure failure : loop.failures()) {
      FutureBase<?> future = failure.future;
      if (future == loop.main() || future.failureObserved()) {
        continue;
      }
      Throwable error = future.failureObserving();
      reports.add(
          new TaskFailedException(
              future.label()
                  + " failed at virtual time "
                  + VirtualTime.format(failure.time)
                  + (failure.duringShutdown ? ", while being cancelled after main returned," : "")
                  + " with "
                  + error
                  + ", and nothing observed the failure (nobody joined it, gathered it or read its result). "
                  + HOW_TO_ALLOW,
              error));
    }
    for (CallbackFailure failure : loop.callbackFailures()) {
      reports.add(
          new TaskFailedException(
              "A callback ("
                  + failure.description
                  + ") failed at virtual time "
                  + VirtualTime.format(failure.time)
                  + " with "
                  + failure.failure
                  + ". "
                  + HOW_TO_ALLOW,
              failure.failure));
    }
    return reports;
  }

  private static final String HOW_TO_ALLOW =
      "Handle failures where they happen, or ignore unobserved ones with "
          + RunOptions.class.getSimpleName()
          + ".failOnUnobservedFailures(false).";

  /** Lists the tasks that have ended, which often explains a deadlock: "the consumers are gone". */
  private static void ended(StringBuilder out, Loop loop) {
    List<String> names = new ArrayList<>();
    for (TaskImpl<?> task : loop.tasks()) {
      if (task.isDone()) {
        names.add(task.name());
      }
    }
    if (names.isEmpty()) {
      return;
    }
    int shown = Math.min(names.size(), 12);
    out.append("Tasks already ended (")
        .append(names.size())
        .append("): ")
        .append(String.join(", ", names.subList(0, shown)))
        .append(shown < names.size() ? ", and " + (names.size() - shown) + " more" : "")
        .append(".\n");
  }

  /** Names the tasks not done, in creation order: the blocked set of a deadlock. */
  static List<String> blockedNames(Loop loop) {
    List<String> names = new ArrayList<>();
    for (TaskImpl<?> task : loop.tasks()) {
      if (!task.isDone()) {
        names.add(task.name());
      }
    }
    return names;
  }

  private static List<Blocked> notDone(Loop loop) {
    List<Blocked> blocked = new ArrayList<>();
    for (TaskImpl<?> task : loop.tasks()) {
      if (!task.isDone()) {
        blocked.add(blocked(task));
      }
    }
    return blocked;
  }

  /** Tasks in the same state are listed on one line once there are at least this many. */
  private static final int GROUP = 4;

  /**
   * Lists each task and where it stands, one line per task in creation order; tasks in the same
   * state ({@value #GROUP} or more) share one line, at the place of the first of them, so that a
   * deadlock of a thousand workers stays readable.
   */
  private static void table(StringBuilder out, List<Blocked> rows) {
    Map<String, List<String>> byState = new LinkedHashMap<>();
    for (Blocked row : rows) {
      byState.computeIfAbsent(row.where, where -> new ArrayList<>()).add(row.task);
    }
    List<String[]> lines = new ArrayList<>();
    int width = 0; // of the single names' column; a group's line is too long to align with it
    for (Blocked row : rows) {
      List<String> same = byState.get(row.where);
      if (same.size() < GROUP) {
        lines.add(new String[] {row.task, row.where});
        width = Math.max(width, Math.min(24, row.task.length()));
      } else if (same.get(0).equals(row.task)) {
        lines.add(new String[] {group(same), row.where});
      }
    }
    for (String[] line : lines) {
      out.append("  ").append(line[0]);
      for (int pad = line[0].length(); pad < Math.max(width, line[0].length()) + 2; pad++) {
        out.append(' ');
      }
      out.append(line[1]).append('\n');
    }
  }

  /** Names a group of tasks in one state: {@code T0, T1, T2, ... T999 (1,000 tasks)}. */
  private static String group(List<String> names) {
    String first = String.join(", ", names.subList(0, Math.min(3, names.size())));
    String last = names.size() > 3 ? ", ... " + names.get(names.size() - 1) : "";
    return first + last + String.format(Locale.ROOT, " (%,d tasks)", names.size());
  }
}
