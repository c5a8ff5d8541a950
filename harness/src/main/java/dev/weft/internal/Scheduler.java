package dev.weft.internal;

import dev.weft.Preemption;
import dev.weft.RunEvent;
import dev.weft.RunListener;
import dev.weft.RunOptions;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One Weft loop: the ready queue, the timers, the virtual clock and the tasks, and the algorithm
 * that runs them (spec 1.6).
 *
 * <p>The loop has no thread of its own. Whoever holds the {@link Baton} runs it: a task that
 * suspends picks the next callback itself; a plain callback runs right there, and a task step is
 * handed to that task's carrier thread. So a switch between two tasks is one handoff, and only the
 * holder ever touches the state below.
 *
 * <p>Each pass runs exactly the callbacks that were ready when it began; callbacks they schedule
 * run in the next pass (spec 1.1). When nothing is ready the clock jumps to the earliest live timer
 * (autojump); when no timer is left either, the run is over or deadlocked.
 */
final class Scheduler {
  private static final ThreadLocal<Scheduler> ACTIVE = new ThreadLocal<>();
  private static final VarHandle STEPS;

  static {
    try {
      STEPS = MethodHandles.lookup().findVarHandle(Scheduler.class, "steps", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Why the loop stopped. */
  enum End {
    FINISHED,
    DEADLOCK,
    STEP_LIMIT,
    WATCHDOG,
    LISTENER_FAILED,
    THREAD_START_FAILED,
    INTERNAL_ERROR
  }

  /** The participant that is the thread which called {@code Weft.run}. */
  static final Object DRIVER =
      new Object() {
        @Override
        public String toString() {
          return "the thread that called Weft.run";
        }
      };

  final RunOptions options;
  private final RunListener listener;
  private final long maxSteps;

  /** Who decides where more than one thing could happen next, and what was decided. */
  private final ChoicePoints choices;

  /** Reused carrier threads (an exploration's), or null: one new thread per task. */
  private final CarrierPool pool;

  final Baton baton = new Baton(DRIVER);
  final Thread driverThread;

  private final ReadyQueue ready = new ReadyQueue();
  private final Timers timers = new Timers();
  private long now;
  private int passRemaining;

  @SuppressWarnings("unused") // accessed through STEPS, read by the watchdog
  private long steps;

  private TaskImpl<?> current;
  private TaskImpl<?> main;
  private final List<TaskImpl<?>> tasks = new ArrayList<>();
  private int pendingTasks;
  private int unnamedTasks;
  private int unnamedPromises;

  /** How many unnamed primitives of each kind ("queue", "lock") this run has numbered. */
  private final Map<String, Integer> unnamedPrimitives = new HashMap<>();

  private final List<Reports.Failure> failures = new ArrayList<>();
  private final List<Reports.CallbackFailure> callbackFailures = new ArrayList<>();

  private boolean stopAfterPass;
  private final Shutdown shutdown = new Shutdown();

  private End end;
  private Throwable endCause;
  private String endDetail;
  private volatile String abortReason;

  Scheduler(
      RunOptions options, Thread driverThread, Chooser chooser, boolean record, CarrierPool pool) {
    this.options = options;
    this.listener = options.listener();
    this.maxSteps = options.maxSteps();
    this.driverThread = driverThread;
    this.choices =
        new ChoicePoints(this, chooser, options.preemption() == Preemption.EVERY_OPERATION, record);
    this.pool = pool;
  }

  // ---------------------------------------------------------------- which loop, which task

  /** Returns the loop running on this thread, or throws an error that says how to get one. */
  static Scheduler active(String operation) {
    Scheduler loop = ACTIVE.get();
    if (loop == null) {
      throw new IllegalStateException(
          operation
              + " needs a running Weft loop, but none is running on thread '"
              + Thread.currentThread().getName()
              + "'. Call it from the code given to Weft.run(() -> ...), or from a task or callback of that run.");
    }
    return loop;
  }

  /** Returns the loop running on this thread, or {@code null}. */
  static Scheduler activeOrNull() {
    return ACTIVE.get();
  }

  void bindThread() {
    ACTIVE.set(this);
  }

  void unbindThread() {
    ACTIVE.remove();
  }

  /** Returns the task that is running now; throws if called from a callback. */
  TaskImpl<?> currentTask(String operation) {
    checkAccess(null, operation);
    return runningTask(operation);
  }

  /**
   * Returns the task that is running now, for a caller that has already checked that this thread
   * runs this loop (it got the loop from {@link #active}); throws if called from a callback.
   */
  TaskImpl<?> runningTask(String operation) {
    if (current == null) {
      throw new IllegalStateException(
          operation
              + " must be called from a task, but it was called from a callback (callSoon/callLater), which runs"
              + " outside any task and cannot wait. Spawn a task for work that waits.");
    }
    return current;
  }

  /**
   * Throws unless the calling thread runs this loop; {@code owner} is the future being used, if
   * any.
   */
  void checkAccess(FutureBase<?> owner, String operation) {
    Scheduler active = ACTIVE.get();
    if (active == this) {
      return;
    }
    String what = owner == null ? operation : owner.label() + "." + operation;
    if (active == null) {
      throw new IllegalStateException(
          what
              + " was called on thread '"
              + Thread.currentThread().getName()
              + "', outside the Weft run it belongs to. Tasks and promises may only be used from the tasks and"
              + " callbacks of their own run.");
    }
    throw new IllegalStateException(
        what
            + " was called from a different Weft run than the one "
            + (owner == null ? "it belongs to" : owner.label() + " belongs to")
            + ". Tasks and promises cannot be shared between runs.");
  }

  /** Returns whether {@code future} belongs to this loop. */
  boolean owns(FutureBase<?> future) {
    return future.loop == this;
  }

  // ---------------------------------------------------------------- creating work

  <T> TaskImpl<T> spawn(String name, Callable<T> body) {
    checkNotAborted();
    String taskName = name != null ? name : "Task-" + ++unnamedTasks;
    TaskImpl<T> task = new TaskImpl<>(this, taskName, body, tasks.size());
    tasks.add(task);
    pendingTasks++;
    ready.addLast(task);
    event(taskName, RunEvent.Kind.SPAWNED, "");
    return task;
  }

  /**
   * Starts {@code body} as the task named "main"; when it is done the loop stops after the current
   * pass.
   */
  <T> TaskImpl<T> spawnMain(Callable<T> body) {
    TaskImpl<T> task = spawn("main", body);
    task.addDoneCallback(() -> stopAfterPass = true);
    main = task;
    return task;
  }

  <T> PromiseImpl<T> promise(String name) {
    String promiseName = name != null ? name : "Promise-" + ++unnamedPromises;
    return new PromiseImpl<>(this, promiseName);
  }

  /** Numbers the unnamed primitives of one kind in the order this run first uses them: 1, 2, ... */
  int nextPrimitiveNumber(String kind) {
    return unnamedPrimitives.merge(kind, 1, Integer::sum);
  }

  /** An internal future with a label for reports; never reported as an unobserved failure. */
  <T> InternalFuture<T> internalFuture(String label) {
    return new InternalFuture<>(this, label, false);
  }

  /** Appends a callback to the ready queue; asyncio's {@code call_soon} (spec 1.1). */
  void callSoon(Runnable callback) {
    if (abortReason == null) { // an ended run schedules nothing: no loop will run it
      ready.addLast(callback);
    }
  }

  /** Schedules a user callback at the tail of the ready queue and returns its handle. */
  TimerHandleImpl callSoonHandle(Runnable callback, String description) {
    TimerHandleImpl handle = new TimerHandleImpl(callback, description, now, -1);
    ready.addLast(handle);
    return handle;
  }

  /** Schedules {@code callback} at virtual time {@code deadline}; asyncio's {@code call_at}. */
  TimerHandleImpl callAt(long deadline, Runnable callback, String description) {
    return timers.schedule(deadline, callback, description);
  }

  /**
   * Wraps a user callback so that its failure is recorded and the run goes on, as asyncio's handler
   * does.
   */
  Runnable guarded(Runnable callback, String description) {
    return () -> {
      try {
        callback.run();
      } catch (RunAbortedError aborted) {
        throw aborted;
      } catch (Throwable failure) {
        callbackFailures.add(new Reports.CallbackFailure(description, now, failure));
      }
    };
  }

  long now() {
    return now;
  }

  // ---------------------------------------------------------------- the loop

  /**
   * Runs the loop on the calling thread until {@code self}'s next step is picked; then returns so
   * that {@code self} continues. If the next step belongs to another task, the baton goes to that
   * task's carrier and the calling thread parks until its own step comes up. {@code self} is a task
   * or {@link #DRIVER}; the driver returns as soon as it has handed the baton on, and waits in
   * {@link Runner}.
   */
  void runUntilResumed(Object self) {
    for (; ; ) {
      Runnable next = next();
      if (next == null) {
        stop(self);
        return;
      }
      if (next instanceof TaskImpl) {
        TaskImpl<?> task = (TaskImpl<?>) next;
        if (task == self) {
          return;
        }
        if (task.bodyEnded) {
          endBy(
              End.INTERNAL_ERROR,
              new IllegalStateException("a step of " + task.label() + " after its end"),
              null);
          continue;
        }
        if (task.carrier == null && task.mustCancel()) {
          current = null;
          task.finishUnstarted();
          continue;
        }
        handOff(self, task);
        return;
      }
      current = null;
      if (listener != null
          && next instanceof TimerHandleImpl
          && !((TimerHandleImpl) next).isCancelled()) {
        event("(callback)", RunEvent.Kind.CALLBACK, ((TimerHandleImpl) next).description());
      }
      try {
        next.run();
      } catch (Throwable bug) { // user callbacks are guarded, so this is Weft's own bug
        endBy(End.INTERNAL_ERROR, bug, null);
      }
    }
  }

  private Runnable next() {
    if (end != null || abortReason != null) {
      return null;
    }
    if (passRemaining == 0 && !beginPass()) {
      return null;
    }
    long step = (long) STEPS.getOpaque(this);
    if (step >= maxSteps) {
      end = End.STEP_LIMIT;
      return null;
    }
    STEPS.setOpaque(this, step + 1);
    int candidates = passRemaining--;
    return ready.removeAt(candidates == 1 ? 0 : choices.pick(candidates));
  }

  // ---------------------------------------------------------------- choice points (ChoicePoints)

  /** Returns the name of the task whose step {@code callback} is, or {@code null}. */
  static String nameOf(Runnable callback) {
    return callback instanceof TaskImpl ? ((TaskImpl<?>) callback).name() : null;
  }

  /** Returns how many callbacks are ready, this pass's and the next. */
  int readySize() {
    return ready.size();
  }

  /** Returns the ready callback at {@code index} of the current pass, for a chooser. */
  Runnable candidate(int index) {
    return ready.get(index);
  }

  /** A possible switch at a Weft operation; see {@link ChoicePoints#preemptionPoint}. */
  void preemptionPoint() {
    choices.preemptionPoint();
  }

  /** {@code Weft.choose(bound)}; see {@link ChoicePoints#chooseData}. */
  int chooseData(int bound) {
    return choices.chooseData(bound);
  }

  /** Returns the decisions recorded so far, or an empty list when not recording. */
  List<Decision> decisions() {
    return choices.decisions();
  }

  /** Returns whether the run has ended or is being torn down: no more choices then. */
  boolean over() {
    return abortReason != null || end != null;
  }

  boolean hasListener() {
    return listener != null;
  }

  private boolean beginPass() {
    if (stopAfterPass) {
      stopAfterPass = false;
      if (!shutdown.started()) {
        shutdown.begin(now, tasks);
      }
    }
    if (shutdown.started()
        && shutdown.finishedAtPassBoundary(tasks, pendingTasks, ready.isEmpty())) {
      end = End.FINISHED;
      return false;
    }
    if (ready.isEmpty()) {
      long deadline = timers.nextDeadline();
      if (deadline == Timers.NONE) {
        end = End.DEADLOCK;
        return false;
      }
      now = Math.max(now, deadline);
    }
    timers.moveDue(now, ready);
    passRemaining = ready.size();
    return true;
  }

  private void handOff(Object self, TaskImpl<?> task) {
    boolean passed;
    if (task.carrier == null && pool != null) {
      CarrierPool.Worker worker;
      try {
        worker = pool.take(task.name()); // a new worker's thread is started (and parked) here
      } catch (Throwable startFailed) {
        endBy(End.THREAD_START_FAILED, startFailed, task.label());
        stop(self);
        return;
      }
      task.carrier = worker.thread;
      task.worker = worker;
      passed = baton.pass(self, task, null);
      if (passed) {
        worker.start(() -> runCarrier(task)); // only after the baton is the task's
      } else {
        pool.giveBack(worker);
      }
    } else if (task.carrier == null) {
      try {
        Thread carrier = Carriers.newCarrier(task.name(), () -> runCarrier(task));
        task.carrier = carrier;
        passed = baton.passToNewThread(self, task, carrier);
      } catch (Throwable startFailed) {
        task.carrier = null;
        endBy(End.THREAD_START_FAILED, startFailed, task.label());
        stop(self);
        return;
      }
    } else {
      passed = baton.pass(self, task, task.carrier);
    }
    if (passed) {
      parkUnlessFinished(self);
    }
  }

  /**
   * The run is over (finished, deadlocked or aborted): the baton goes back to the thread that
   * called run. A thread that no longer holds the baton (the watchdog gave up on it) just returns,
   * to be unwound at its next Weft call.
   */
  private void stop(Object self) {
    if (self != DRIVER && baton.pass(self, DRIVER, driverThread)) {
      parkUnlessFinished(self);
    }
  }

  private void parkUnlessFinished(Object self) {
    if (self != DRIVER && !((TaskImpl<?>) self).bodyEnded) {
      baton.awaitTurn(self);
    }
  }

  private void runCarrier(TaskImpl<?> task) {
    bindThread();
    try {
      task.runBody();
      runUntilResumed(task);
    } catch (Throwable bug) {
      endBy(End.INTERNAL_ERROR, bug, null);
      baton.pass(task, DRIVER, driverThread);
    } finally {
      unbindThread();
    }
  }

  // ---------------------------------------------------------------- tasks reporting in

  /**
   * Called by a task that is about to suspend: runs the loop on its thread until the task's next
   * step.
   */
  void suspend(TaskImpl<?> task, WaitReason reason) {
    if (listener != null) {
      event(task.name(), RunEvent.Kind.SUSPENDED, reason.describe());
    }
    runUntilResumed(task);
    resumed(task);
  }

  void resumed(TaskImpl<?> task) {
    current = task;
    task.steps++;
    if (listener != null) {
      event(task.name(), RunEvent.Kind.RAN, "");
    }
  }

  void ended(TaskImpl<?> task, RunEvent.Kind kind, String detail) {
    pendingTasks--;
    shutdown.taskEnded(task);
    if (listener != null) {
      event(task.name(), kind, detail);
    }
  }

  /**
   * Records a failed task or user promise, so that an unobserved failure can be reported at the
   * end. Failures while an ended run is being unwound are consequences of that end, not news, and
   * are left out.
   */
  void failed(FutureBase<?> future) {
    if (future.reportsUnobservedFailure() && abortReason == null) {
      failures.add(new Reports.Failure(future, now, shutdown.started()));
    }
  }

  void checkCanSuspend(TaskImpl<?> task) {
    checkNotAborted();
    if (current != task) {
      throw new IllegalStateException(task.label() + " can only wait while it is the running task");
    }
  }

  void checkNotAborted() {
    String reason = abortReason;
    if (reason != null) {
      throw new RunAbortedError(reason);
    }
  }

  // ---------------------------------------------------------------- for the driver and reports

  /** Ends the run from the driver's side: every task that suspends from now on is unwound. */
  void abort(String reason) {
    abortReason = reason;
  }

  long steps() {
    return (long) STEPS.getOpaque(this);
  }

  End end() {
    return end;
  }

  /** Ends the run for {@code reason} unless it has ended already; the first reason wins. */
  void endBy(End reason, Throwable cause, String detail) {
    if (end == null) {
      end = reason;
      endCause = cause;
      endDetail = detail;
    }
  }

  /** Returns what made the run end early (the listener's or the thread's failure, Weft's bug). */
  Throwable endCause() {
    return endCause;
  }

  /**
   * Returns more about the end: the event a listener failed on, the task whose thread did not
   * start.
   */
  String endDetail() {
    return endDetail;
  }

  TaskImpl<?> main() {
    return main;
  }

  List<TaskImpl<?>> tasks() {
    return Collections.unmodifiableList(tasks);
  }

  boolean mainReturned() {
    return shutdown.started();
  }

  long mainReturnedAt() {
    return shutdown.startedAt();
  }

  TaskImpl<?> currentOrNull() {
    return current;
  }

  List<Reports.Blocked> leftovers() {
    return shutdown.leftovers();
  }

  List<Reports.Failure> failures() {
    return failures;
  }

  List<Reports.CallbackFailure> callbackFailures() {
    return callbackFailures;
  }

  /** Tells the listener; a listener that throws ends the run, since its trace is now incomplete. */
  void event(String task, RunEvent.Kind kind, String detail) {
    if (listener == null || end == End.LISTENER_FAILED) {
      return;
    }
    RunEvent event = new RunEvent(Duration.ofNanos(now), task, kind, detail);
    try {
      listener.onEvent(event);
    } catch (Throwable failure) {
      endBy(End.LISTENER_FAILED, failure, event.toString());
    }
  }
}
