package dev.weft.internal;

import dev.weft.BlockedOutsideWeftException;
import dev.weft.DeadlockException;
import dev.weft.LeftoverTasksException;
import dev.weft.ReplayDivergedException;
import dev.weft.RunEvent;
import dev.weft.RunInterruptedException;
import dev.weft.RunListener;
import dev.weft.RunOptions;
import dev.weft.StepLimitExceededException;
import dev.weft.internal.search.Chooser;
import dev.weft.internal.search.StrategyImpl;
import dev.weft.internal.search.TryRecord;
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

  private final Loop loop;
  private final long watchdogNanos;
  private final List<Thread> leftRunning = new ArrayList<>();
  private RuntimeException watchdogFailure;

  /** What the run threw because tasks were left over, or because a failure went unobserved. */
  private Throwable leftoversThrown;

  private Throwable unobservedThrown;

  /** The tasks blocked when the run deadlocked, in creation order; empty otherwise. */
  private List<String> blockedAtEnd = List.of();

  private Runner(Loop loop) {
    this.loop = loop;
    this.watchdogNanos = VirtualTime.saturatedNanos(loop.options.watchdog());
  }

  /** Runs {@code main} as asyncio.run does (semantics §2.17) and returns its result. */
  public static <T> T run(RunOptions options, Callable<T> main) {
    StrategyImpl strategy = StrategyImpl.of(options.strategy(), "strategy");
    Chooser chooser =
        strategy == StrategyImpl.fifo() ? null : strategy.search(options.seed()).nextTry(0);
    Runner runner = new Runner(new Loop(options, Thread.currentThread(), chooser, false, null));
    T result;
    try {
      result = runner.start(main);
    } catch (RuntimeException | Error failure) {
      throw FutureBase.propagate(runner.withSlowSteps(diverged(chooser, failure)));
    }
    if (chooser != null && chooser.strict() && chooser.divergence() != null) {
      throw FutureBase.propagate(runner.withSlowSteps(diverged(chooser, null)));
    }
    String slow = runner.loop.slowSteps.warning();
    if (slow != null) {
      RunListener listener = options.listener();
      if (listener != null) {
        listener.onSlowSteps(slow);
      } else {
        System.getLogger("dev.weft").log(System.Logger.Level.WARNING, slow);
      }
    }
    return result;
  }

  /**
   * Adds the slow step warning, if the run has one, to what a failed run throws, as a suppressed
   * exception: the report itself stays as it is.
   */
  private Throwable withSlowSteps(Throwable thrown) {
    String slow = loop.slowSteps.warning();
    if (slow != null) {
      thrown.addSuppressed(new IllegalStateException(slow));
    }
    return thrown;
  }

  /**
   * Returns what a run that ended with {@code failure} (or {@code null}: it passed) throws: a
   * strict replay's departure from its schedule, with the run's own failure suppressed, else the
   * failure, noting a lenient replay's departure.
   */
  private static Throwable diverged(Chooser chooser, Throwable failure) {
    String divergence = chooser == null ? null : chooser.divergence();
    if (divergence == null || (failure == null && !chooser.strict())) {
      return failure;
    }
    if (chooser.strict() && !stoppedFromOutside(failure)) {
      ReplayDivergedException diverged =
          new ReplayDivergedException(
              "The replay departed from its schedule "
                  + divergence
                  + " The run did not follow the schedule, so how it ended ("
                  + (failure == null
                      ? "it passed"
                      : "it failed with " + failure.getClass().getName() + ", attached")
                  + ") says nothing about the schedule: record the schedule again (run the"
                  + " exploration that found it), or fix it.");
      if (failure != null) {
        diverged.addSuppressed(failure);
      }
      return diverged;
    }
    failure.addSuppressed(
        new IllegalStateException(
            "Note: this run departed from the schedule it replays, "
                + divergence
                + " So this failure may not be the recorded one."));
    return failure;
  }

  /**
   * Runs {@code main} as one try of an exploration, with its choice points decided by {@code
   * chooser}, recording the choices (and the events, if {@code trace}), and returns what happened
   * instead of throwing. A run that ends for a reason outside the scenario (the caller was
   * interrupted, the listener threw, a carrier thread could not start, a thread outside the run
   * completed a stage a task awaited, Weft failed internally) says nothing about the scenario: its
   * failure is thrown, not recorded. So is a misuse of Weft (a nested run, a call from a foreign
   * thread or from another run), even if the scenario caught it, and a strict replay's departure
   * from its schedule.
   *
   * @param options the run's options (limits, preemption, listener); their strategy is ignored
   * @param chooser decides the try's choice points
   * @param trace whether to record every event
   * @param pool the exploration's reusable carrier threads
   * @param main the scenario
   * @return the try's record
   * @throws IllegalStateException if the run ended for a reason outside the scenario, misused Weft,
   *     or departed from the schedule it strictly replays ({@link ReplayDivergedException})
   */
  public static TryRecord runTry(
      RunOptions options, Chooser chooser, boolean trace, CarrierPool pool, Callable<?> main) {
    return runTry(options, chooser, trace, pool, main, null);
  }

  /**
   * Runs one try of an exploration as {@link #runTry(RunOptions, Chooser, boolean, CarrierPool,
   * Callable)} does, and adds its slow steps to {@code slowSteps}.
   *
   * @param options the run's options (limits, preemption, listener); their strategy is ignored
   * @param chooser decides the try's choice points
   * @param trace whether to record every event
   * @param pool the exploration's reusable carrier threads
   * @param main the scenario
   * @param slowSteps where the try's slow steps are added, or {@code null}
   * @return the try's record
   * @throws IllegalStateException if the run ended for a reason outside the scenario
   */
  public static TryRecord runTry(
      RunOptions options,
      Chooser chooser,
      boolean trace,
      CarrierPool pool,
      Callable<?> main,
      SlowSteps slowSteps) {
    List<RunEvent> events = trace ? new ArrayList<>() : null;
    RunOptions recording = trace ? options.listener(recorder(options, events)) : options;
    Loop loop = new Loop(recording, Thread.currentThread(), chooser, true, pool);
    Runner runner = new Runner(loop);
    Throwable failure = null;
    try {
      runner.start(main);
    } catch (Throwable e) {
      failure = e;
    }
    if (slowSteps != null) {
      slowSteps.addRun(loop.slowSteps);
    }
    Ending.End end = loop.ending.end();
    if (failure != null
        && (end == Ending.End.INTERRUPTED
            || end == Ending.End.LISTENER_FAILED
            || end == Ending.End.THREAD_START_FAILED
            || end == Ending.End.FROM_OUTSIDE
            || end == Ending.End.INTERNAL_ERROR)) {
      throw FutureBase.propagate(failure);
    }
    IllegalStateException misuse = loop.ending.misuse();
    if (misuse != null) {
      throw misuse;
    }
    if (chooser.strict() && chooser.divergence() != null && !stoppedFromOutside(failure)) {
      throw FutureBase.propagate(diverged(chooser, failure));
    }
    return new TryRecord(
        failure,
        failure == null ? null : runner.originOf(failure),
        runner.blockedAtEnd,
        loop.choices(),
        events,
        chooser.divergence(),
        failure == null ? null : runner.endOf(failure));
  }

  /**
   * Returns whether the run was stopped from outside (its caller was interrupted, or the watchdog
   * fired): then its schedule's unused choices say nothing, and the stop is what it reports.
   */
  private static boolean stoppedFromOutside(Throwable failure) {
    return failure instanceof RunInterruptedException
        || failure instanceof BlockedOutsideWeftException;
  }

  /** How a failed run ended, for its counterexample's kind. */
  private TryRecord.End endOf(Throwable failure) {
    switch (loop.ending.end()) {
      case DEADLOCK:
        return TryRecord.End.DEADLOCK;
      case STEP_LIMIT:
        return TryRecord.End.STEP_LIMIT;
      case WATCHDOG:
        return TryRecord.End.BLOCKED_OUTSIDE_WEFT;
      default:
        return failure == leftoversThrown
            ? TryRecord.End.LEFTOVER_TASKS
            : failure == unobservedThrown ? TryRecord.End.UNOBSERVED_FAILURE : TryRecord.End.MAIN;
    }
  }

  /** A listener that records every event, then passes it to the user's listener, if any. */
  private static RunListener recorder(RunOptions options, List<RunEvent> events) {
    RunListener user = options.listener();
    return event -> {
      events.add(event);
      if (user != null) {
        user.onEvent(event);
      }
    };
  }

  /**
   * Throws if a Weft run is active on this thread: runs (and explorations) cannot be nested.
   *
   * @param operation what the caller tried, for the message: {@code "Weft.run"}
   */
  public static void checkNotInRun(String operation) {
    Loop outer = RunningLoop.orNull();
    if (outer != null) {
      TaskImpl<?> task = outer.currentOrNull();
      throw RunningLoop.misuse(
          outer, Messages.nestedRun(operation, task == null ? null : task.label()));
    }
  }

  private <T> T start(Callable<T> main) {
    checkNotInRun("Weft.run");
    RunningLoop.set(loop);
    RunningLoop.runStarted();
    try {
      return drive(main);
    } finally {
      RunningLoop.runEnded();
      RunningLoop.clear();
      if (loop.handoff.baton.takeDriverInterrupt()) {
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
    loop.runUntilResumed(Handoff.DRIVER);
    awaitEnd();
    Ending.End end = loop.ending.end();
    Throwable failure = end == Ending.End.FINISHED ? null : failureFor(end);
    if (failure != null) {
      unwindAll(end.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
    joinCarriers();
    if (failure != null) {
      if (!leftRunning.isEmpty()) {
        failure.addSuppressed(new IllegalStateException(leftRunningMessage()));
      }
      addUnobserved(failure);
      throw FutureBase.propagate(failure);
    }
    return result(main);
  }

  /**
   * Waits until the baton comes back, or until a task has held it too long without any progress.
   */
  private void awaitEnd() {
    long poll = Math.max(MIN_POLL, Math.min(MAX_POLL, watchdogNanos / 4));
    long sampling = loop.slowStepSampling();
    if (sampling != 0) {
      poll = Math.max(MIN_POLL, Math.min(poll, sampling));
    }
    long seenSteps = loop.steps();
    Object seenHolder = loop.handoff.baton.holder();
    long since = System.nanoTime();
    boolean interrupted = false;
    long limit = watchdogNanos;
    while (!loop.handoff.baton.awaitTurn(Handoff.DRIVER, poll)) {
      CarrierPool.beat();
      long steps = loop.steps();
      Object holder = loop.handoff.baton.holder();
      if (sampling != 0) {
        loop.sampleSlowStep(holder);
      }
      if (!interrupted && loop.handoff.baton.driverInterrupted()) {
        // The caller was interrupted (a timeout, a cancelled build): at its next step the loop
        // cancels every task and gives them a grace period on the virtual clock. A task stuck
        // outside Weft gets a short real-time limit instead of the watchdog's.
        interrupted = true;
        loop.requestInterrupt();
        limit = graceNanos();
        poll = Math.min(poll, Math.max(MIN_POLL, limit / 4));
        since = System.nanoTime();
        continue;
      }
      if (steps != seenSteps || holder != seenHolder) {
        seenSteps = steps;
        seenHolder = holder;
        since = System.nanoTime();
      } else if (System.nanoTime() - since >= limit) {
        if (interrupted) {
          loop.ending.endBy(Ending.End.INTERRUPTED, null, null);
        }
        fireWatchdog(holder, limit, interrupted);
        return;
      }
    }
  }

  private void fireWatchdog(Object holder, long limit, boolean interrupted) {
    TaskImpl<?> stuck = holder instanceof TaskImpl ? (TaskImpl<?>) holder : null;
    Throwable stack =
        new Throwable("stack of " + (stuck == null ? "the scheduler" : stuck.label()));
    if (stuck != null && stuck.carrier != null) {
      stack.setStackTrace(stuck.carrier.getStackTrace());
    }
    loop.ending.abort("the watchdog fired");
    loop.ending.endBy(Ending.End.WATCHDOG, null, null);
    boolean back = true;
    if (stuck != null) {
      // A short grace, not another whole period: the run has already waited the watchdog's limit.
      stuck.carrier.interrupt();
      back = awaitBaton(graceNanos());
      if (!back) {
        abandon(stuck);
      }
    }
    watchdogFailure =
        new BlockedOutsideWeftException(
            Reports.watchdog(loop, stuck, limit, interrupted, back ? -1 : graceNanos()), stack);
  }

  /**
   * How long a thread the watchdog interrupted has to give the baton back: one second, whatever the
   * watchdog's limit. Even a short limit gets the whole second, so that a thread that does stop
   * when interrupted (in a JDK latch, a sleep) is not reported left running only because a busy
   * machine woke it late.
   */
  private static long graceNanos() {
    return TimeUnit.SECONDS.toNanos(1);
  }

  private Throwable failureFor(Ending.End end) {
    switch (end) {
      case BROKEN_INSIDE_WEFT:
        return Reports.brokenInsideWeft(loop);
      case DEADLOCK:
        blockedAtEnd = Reports.blockedNames(loop);
        return new DeadlockException(Reports.deadlock(loop));
      case STEP_LIMIT:
        return new StepLimitExceededException(Reports.stepLimit(loop));
      case WATCHDOG:
        return watchdogFailure;
      case INTERRUPTED:
        RuntimeException interrupted =
            new RunInterruptedException(
                Reports.interrupted(
                    loop,
                    loop.interrupting() ? loop.interruptedAt() : loop.now(),
                    leftRunningTasks()));
        if (watchdogFailure != null) {
          interrupted.addSuppressed(watchdogFailure);
        }
        return interrupted;
      case LISTENER_FAILED:
        return new IllegalStateException(
            "The RunListener threw on the event \""
                + loop.ending.detail()
                + "\", so the run was stopped there: a listener must not throw.",
            loop.ending.cause());
      case THREAD_START_FAILED:
        return new IllegalStateException(
            "Weft could not start a thread for "
                + loop.ending.detail()
                + " ("
                + loop.tasks().size()
                + " tasks spawned so far): "
                + loop.ending.cause()
                + ". On Java 17 each task that has started holds a platform thread until it ends.",
            loop.ending.cause());
      case FROM_OUTSIDE:
        return new IllegalStateException(loop.ending.detail());
      default:
        return new IllegalStateException(
            Messages.internalError("the scheduler failed"), loop.ending.cause());
    }
  }

  /**
   * Unwinds every task whose body has not ended: each gets the baton in turn and a {@link
   * RunAbortedError} at its suspension point, so its {@code finally} blocks run and its thread
   * ends.
   */
  private void unwindAll(String reason) {
    loop.ending.abort(reason);
    List<TaskImpl<?>> tasks = loop.tasks(); // unwinding code cannot spawn: the list stays as it is
    for (int i = 0; i < tasks.size(); i++) {
      TaskImpl<?> task = tasks.get(i);
      Thread carrier = task.carrier;
      if (carrier == null || task.bodyEnded || leftRunning.contains(carrier)) {
        continue;
      }
      if (loop.handoff.baton.pass(Handoff.DRIVER, task, carrier) && !awaitBaton(watchdogNanos)) {
        abandon(task); // stuck in a finally block outside Weft
      }
    }
  }

  /**
   * Waits up to {@code nanos} for the baton to come back to the driver, once it has handed it to a
   * task to unwind or to stop. The caller's interrupt does not end this wait: the task is still
   * running, and giving up on it early would report it left running and take the baton from it
   * while it runs. The interrupt is kept for the caller.
   *
   * @return whether the baton came back
   */
  private boolean awaitBaton(long nanos) {
    Baton baton = loop.handoff.baton;
    long deadline = System.nanoTime() + nanos;
    while (true) {
      CarrierPool.beat();
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return baton.holder() == Handoff.DRIVER;
      }
      if (baton.awaitTurn(Handoff.DRIVER, left)) {
        return true;
      }
    }
  }

  /**
   * Gives up on a task whose thread keeps the baton outside Weft: the driver takes the baton back
   * from it, so that thread can never pass it on, and is unwound at its next Weft call if it ever
   * makes one. If the task passed the baton on after all (to the driver, the only holder an aborted
   * run hands it to), there is nothing to take.
   */
  private void abandon(TaskImpl<?> task) {
    leaveRunning(task.carrier);
    loop.handoff.baton.seize(task, Handoff.DRIVER);
  }

  /** Gives up waiting for {@code carrier} to end; later runs are kept apart from it (Carriers). */
  private void leaveRunning(Thread carrier) {
    leftRunning.add(carrier);
    Carriers.abandoned(carrier);
  }

  private void joinCarriers() {
    for (TaskImpl<?> task : loop.tasks()) {
      CarrierPool.beat();
      Thread carrier = task.carrier;
      if (carrier == null || leftRunning.contains(carrier)) {
        continue;
      }
      if (task.worker != null) {
        if (!task.worker.awaitIdle(watchdogNanos)) {
          leaveRunning(carrier);
        }
        continue;
      }
      joinUninterruptibly(carrier);
      if (carrier.isAlive()) {
        leaveRunning(carrier);
      }
    }
  }

  /** Waits (up to the watchdog limit) for a carrier to end; an interrupt is kept for the caller. */
  private void joinUninterruptibly(Thread carrier) {
    long deadline = System.nanoTime() + watchdogNanos;
    boolean interrupted = false;
    while (carrier.isAlive() && deadline - System.nanoTime() > 0) {
      CarrierPool.beat();
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

  /** The tasks whose threads were left running so far, in creation order. */
  private List<TaskImpl<?>> leftRunningTasks() {
    List<TaskImpl<?>> tasks = new ArrayList<>();
    for (TaskImpl<?> task : loop.tasks()) {
      if (task.carrier != null && leftRunning.contains(task.carrier)) {
        tasks.add(task);
      }
    }
    return tasks;
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
    return "These carrier threads did not end and were left running: "
        + names
        + "."
        + Carriers.leftRunningCost(leftRunning);
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
      leftoversThrown = leftovers;
      throw leftovers;
    }
    if (loop.options.failOnUnobservedFailures()) {
      List<RuntimeException> unobserved = Reports.unobservedFailures(loop);
      if (!unobserved.isEmpty()) {
        RuntimeException first = unobserved.get(0);
        for (int i = 1; i < unobserved.size(); i++) {
          first.addSuppressed(unobserved.get(i));
        }
        unobservedThrown = first;
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
