package dev.weft.internal;

import dev.weft.BlockedOutsideWeftException;
import dev.weft.DeadlockException;
import dev.weft.LeftoverTasksException;
import dev.weft.RunEvent;
import dev.weft.RunOptions;
import dev.weft.StepLimitExceededException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code Weft.run}: starts main on a fresh loop, waits for the run to end while watching for a task
 * that blocks outside Weft, unwinds whatever is left, makes sure every carrier thread has ended,
 * and turns the end into a result or an exception.
 */
public final class Runner {
  private static final long MIN_POLL = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_POLL = TimeUnit.MILLISECONDS.toNanos(250);

  private final Scheduler loop;
  private final long watchdogNanos;
  private final List<Thread> leftRunning = new ArrayList<>();
  private RuntimeException watchdogFailure;

  /** The tasks blocked when the run deadlocked, in creation order; empty otherwise. */
  private List<String> blockedAtEnd = List.of();

  private Runner(Scheduler loop) {
    this.loop = loop;
    this.watchdogNanos = VirtualTime.saturatedNanos(loop.options.watchdog());
  }

  /** Runs {@code main} as asyncio.run does (spec 2.17) and returns its result. */
  public static <T> T run(RunOptions options, Callable<T> main) {
    StrategyImpl strategy = StrategyImpl.of(options.strategy(), "strategy");
    Chooser chooser =
        strategy == StrategyImpl.fifo() ? null : strategy.search(options.seed()).nextTry(0);
    Runner runner =
        new Runner(new Scheduler(options, Thread.currentThread(), chooser, false, null));
    try {
      return runner.start(main);
    } catch (RuntimeException | Error failure) {
      if (chooser != null && chooser.divergence() != null) {
        failure.addSuppressed(
            new IllegalStateException(
                "Note: this run departed from the schedule it replays, "
                    + chooser.divergence()
                    + ". The program (or something it depends on) changed since the schedule was"
                    + " recorded, so this failure may not be the recorded one."));
      }
      throw failure;
    }
  }

  /**
   * Runs {@code main} as one try of an exploration: with {@code search}'s chooser for try {@code
   * tryIndex}, recording the decisions (and the events, if {@code trace}), and returns what
   * happened instead of throwing. Returns {@code null} when the search is exhausted.
   *
   * @param options the run's options (limits, preemption); their strategy is ignored
   * @param search the exploration's search
   * @param tryIndex the try's number, from 0
   * @param trace whether to record every event
   * @param pool the exploration's reusable carrier threads
   * @param main the scenario
   * @return the try's record, or {@code null} if the search has nothing left to try
   */
  public static TryRecord explore(
      RunOptions options,
      Search search,
      int tryIndex,
      boolean trace,
      CarrierPool pool,
      Callable<?> main) {
    Chooser chooser = search.nextTry(tryIndex);
    if (chooser == null) {
      return null;
    }
    List<RunEvent> events = trace ? new ArrayList<>() : null;
    RunOptions recording = trace ? options.listener(TryRecord.recorder(options, events)) : options;
    Scheduler loop = new Scheduler(recording, Thread.currentThread(), chooser, true, pool);
    Runner runner = new Runner(loop);
    Throwable failure = null;
    try {
      runner.start(main);
    } catch (Throwable e) {
      failure = e;
    }
    search.finished(loop.decisions());
    return new TryRecord(
        failure,
        failure == null ? null : runner.originOf(failure),
        runner.blockedAtEnd,
        loop.decisions(),
        events,
        chooser.divergence());
  }

  /**
   * Throws if a Weft run is active on this thread: runs (and explorations) cannot be nested.
   *
   * @param operation what the caller tried, for the message: {@code "Weft.run"}
   */
  public static void checkNotInRun(String operation) {
    Scheduler outer = Scheduler.activeOrNull();
    if (outer != null) {
      TaskImpl<?> task = outer.currentOrNull();
      throw new IllegalStateException(
          operation
              + " was called inside a running Weft.run"
              + (task == null ? "" : " (from " + task.label() + ")")
              + ". Runs cannot be nested: spawn a task with Weft.spawn, or call the code directly.");
    }
  }

  private <T> T start(Callable<T> main) {
    checkNotInRun("Weft.run");
    loop.bindThread();
    try {
      return drive(main);
    } finally {
      loop.unbindThread();
      if (loop.baton.takeDriverInterrupt()) {
        Thread.currentThread().interrupt(); // an interrupt during the run is the caller's to see
      }
    }
  }

  /** Names the task whose failure {@code thrown} is (or wraps), or "main". */
  private String originOf(Throwable thrown) {
    for (Reports.Failure failure : loop.failures()) {
      Throwable original = failure.future.failureForReport();
      if (original == thrown || (original != null && original == thrown.getCause())) {
        return failure.future.name();
      }
    }
    return "main";
  }

  private <T> T drive(Callable<T> body) {
    TaskImpl<T> main = loop.spawnMain(body);
    loop.runUntilResumed(Scheduler.DRIVER);
    awaitEnd();
    Scheduler.End end = loop.end();
    RuntimeException failure = end == Scheduler.End.FINISHED ? null : failureFor(end);
    if (failure != null) {
      unwindAll(end.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
    joinCarriers();
    if (failure != null) {
      if (!leftRunning.isEmpty()) {
        failure.addSuppressed(new IllegalStateException(leftRunningMessage()));
      }
      addUnobserved(failure);
      throw failure;
    }
    return result(main);
  }

  /**
   * Waits until the baton comes back, or until a task has held it too long without any progress.
   */
  private void awaitEnd() {
    long poll = Math.max(MIN_POLL, Math.min(MAX_POLL, watchdogNanos / 4));
    long seenSteps = loop.steps();
    Object seenHolder = loop.baton.holder();
    long since = System.nanoTime();
    while (!loop.baton.awaitTurn(Scheduler.DRIVER, poll)) {
      long steps = loop.steps();
      Object holder = loop.baton.holder();
      if (steps != seenSteps || holder != seenHolder) {
        seenSteps = steps;
        seenHolder = holder;
        since = System.nanoTime();
      } else if (System.nanoTime() - since >= watchdogNanos) {
        fireWatchdog(holder);
        return;
      }
    }
  }

  private void fireWatchdog(Object holder) {
    TaskImpl<?> stuck = holder instanceof TaskImpl ? (TaskImpl<?>) holder : null;
    Throwable stack =
        new Throwable("stack of " + (stuck == null ? "the scheduler" : stuck.label()));
    if (stuck != null && stuck.carrier != null) {
      stack.setStackTrace(stuck.carrier.getStackTrace());
    }
    loop.abort("the watchdog fired");
    loop.endBy(Scheduler.End.WATCHDOG, null, null);
    boolean back = true;
    if (stuck != null) {
      stuck.carrier.interrupt();
      back = loop.baton.awaitTurn(Scheduler.DRIVER, watchdogNanos);
      if (!back) {
        abandon(stuck.carrier);
      }
    }
    watchdogFailure = new BlockedOutsideWeftException(Reports.watchdog(loop, stuck, !back), stack);
  }

  private RuntimeException failureFor(Scheduler.End end) {
    switch (end) {
      case DEADLOCK:
        blockedAtEnd = Reports.blockedNames(loop);
        return new DeadlockException(Reports.deadlock(loop));
      case STEP_LIMIT:
        return new StepLimitExceededException(Reports.stepLimit(loop));
      case WATCHDOG:
        return watchdogFailure;
      case LISTENER_FAILED:
        return new IllegalStateException(
            "The RunListener threw on the event \""
                + loop.endDetail()
                + "\", so the run was stopped there: a listener must not throw.",
            loop.endCause());
      case THREAD_START_FAILED:
        return new IllegalStateException(
            "Weft could not start a thread for "
                + loop.endDetail()
                + " ("
                + loop.tasks().size()
                + " tasks spawned so far): "
                + loop.endCause()
                + ". On Java 17 each task that has started holds a platform thread until it ends.",
            loop.endCause());
      default:
        return new IllegalStateException(
            "Weft internal error: the scheduler failed. This is a bug in Weft; please report it with the"
                + " program that caused it.",
            loop.endCause());
    }
  }

  /**
   * Unwinds every task whose body has not ended: each gets the baton in turn and a {@link
   * RunAbortedError} at its suspension point, so its {@code finally} blocks run and its thread
   * ends.
   */
  private void unwindAll(String reason) {
    loop.abort(reason);
    List<TaskImpl<?>> tasks = loop.tasks(); // unwinding code cannot spawn: the list stays as it is
    for (int i = 0; i < tasks.size(); i++) {
      TaskImpl<?> task = tasks.get(i);
      Thread carrier = task.carrier;
      if (carrier == null || task.bodyEnded || leftRunning.contains(carrier)) {
        continue;
      }
      if (loop.baton.pass(Scheduler.DRIVER, task, carrier)
          && !loop.baton.awaitTurn(Scheduler.DRIVER, watchdogNanos)) {
        abandon(carrier); // stuck in a finally block outside Weft
      }
    }
  }

  /**
   * Gives up on a thread that keeps the baton outside Weft: the driver takes the baton back, so
   * that thread can never pass it on, and is unwound at its next Weft call if it ever makes one.
   */
  private void abandon(Thread carrier) {
    leftRunning.add(carrier);
    loop.baton.seize(Scheduler.DRIVER);
  }

  private void joinCarriers() {
    for (TaskImpl<?> task : loop.tasks()) {
      Thread carrier = task.carrier;
      if (carrier == null || leftRunning.contains(carrier)) {
        continue;
      }
      if (task.worker != null) {
        if (!task.worker.awaitIdle(watchdogNanos)) {
          leftRunning.add(carrier);
        }
        continue;
      }
      joinUninterruptibly(carrier);
      if (carrier.isAlive()) {
        leftRunning.add(carrier);
      }
    }
  }

  /** Waits (up to the watchdog limit) for a carrier to end; an interrupt is kept for the caller. */
  private void joinUninterruptibly(Thread carrier) {
    long deadline = System.nanoTime() + watchdogNanos;
    boolean interrupted = false;
    while (carrier.isAlive() && deadline - System.nanoTime() > 0) {
      try {
        carrier.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private String leftRunningMessage() {
    StringBuilder names = new StringBuilder();
    for (Thread thread : leftRunning) {
      names
          .append(names.length() == 0 ? "" : ", ")
          .append('\'')
          .append(thread.getName())
          .append('\'');
    }
    return "These carrier threads did not end and were left running: " + names;
  }

  private <T> T result(TaskImpl<T> main) {
    RuntimeException leftovers =
        loop.options.failOnLeftoverTasks() && !loop.leftovers().isEmpty()
            ? new LeftoverTasksException(Reports.leftovers(loop))
            : null;
    Throwable primary = main.thrownByAwait();
    if (primary != null) {
      addUnobserved(primary);
      if (leftovers != null) {
        primary.addSuppressed(leftovers);
      }
      throw FutureBase.propagate(primary);
    }
    if (leftovers != null) {
      addUnobserved(leftovers);
      throw leftovers;
    }
    if (loop.options.failOnUnobservedFailures()) {
      List<RuntimeException> unobserved = Reports.unobservedFailures(loop);
      if (!unobserved.isEmpty()) {
        RuntimeException first = unobserved.get(0);
        for (int i = 1; i < unobserved.size(); i++) {
          first.addSuppressed(unobserved.get(i));
        }
        throw first;
      }
    }
    return main.value();
  }

  private void addUnobserved(Throwable primary) {
    if (loop.options.failOnUnobservedFailures()) {
      for (RuntimeException unobserved : Reports.unobservedFailures(loop)) {
        primary.addSuppressed(unobserved);
      }
    }
  }
}
