package dev.weft.internal;

import dev.weft.Preemption;
import dev.weft.RunEvent;
import dev.weft.RunListener;
import dev.weft.RunOptions;
import dev.weft.internal.search.Choice;
import dev.weft.internal.search.ChoicePoints;
import dev.weft.internal.search.Chooser;
import dev.weft.internal.search.LoopView;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * One Weft loop: the ready queue, the timers, the virtual clock and the tasks, and the algorithm
 * that runs them (semantics §1.6).
 *
 * <p>The loop has no thread of its own. Whoever holds the {@link Baton} runs it: a task that
 * suspends picks the next callback itself; a plain callback runs right there, and a task step is
 * handed to that task's carrier thread. So a switch between two tasks is one handoff, and only the
 * holder ever touches the state below.
 *
 * <p>Each pass runs exactly the callbacks that were ready when it began; callbacks they schedule
 * run in the next pass (semantics §1.1). When nothing is ready the clock jumps to the earliest live
 * timer (autojump); when no timer is left either, the run is over or deadlocked.
 */
final class Loop implements LoopView {
  private static final VarHandle STEPS;

  /**
   * What every spawn, and every name the run numbers, touches: their order decides the names and
   * indexes of new tasks, promises and primitives.
   */
  private static final long NAMING = -1;

  /** What every failure touches: the order of failures decides the run's report. */
  private static final long FAILING = -2;

  /** The number every primitive made outside the run shares (see {@code LoopBinding}). */
  static final long MADE_OUTSIDE = -4;

  static {
    try {
      STEPS = MethodHandles.lookup().findVarHandle(Loop.class, "steps", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final RunOptions options;
  private final RunListener listener;
  private final long maxSteps;

  /** Who decides where more than one thing could happen next, and what was decided. */
  private final ChoicePoints choices;

  /**
   * Whether the strategy takes steps that touch nothing in common to commute ({@code
   * SharedState.DECLARED}): only then does the loop record what each step touches. Read first by
   * every hook, so that other runs pay one branch.
   */
  private final boolean footprints;

  /** Moves the baton between the tasks' carrier threads and the driver. */
  final Handoff handoff;

  /** How the run ended, or why it is ending. */
  final Ending ending = new Ending();

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

  /** The serial numbers given out so far: each future, task and primitive of the run has one. */
  private long serials;

  private int unnamedPromises;

  /** How many unnamed primitives of each kind ("queue", "lock") this run has numbered. */
  private final Map<String, Integer> unnamedPrimitives = new HashMap<>();

  private final List<Reports.Failure> failures = new ArrayList<>();
  private final List<Reports.CallbackFailure> callbackFailures = new ArrayList<>();

  private boolean stopAfterPass;
  private final Shutdown shutdown = new Shutdown();

  /** A step longer than this, in nanoseconds of real time, is warned about; 0: never. */
  private final long slowStepNanos;

  /** When the baton last moved, in {@code System.nanoTime()}: where the holder's time began. */
  private long stepMark;

  /** The loop's step count when the baton last moved: the first step of the holder's time. */
  private long markStep;

  /** What the holder last waited in before it got the baton, or null: its first step. */
  private WaitReason markFrom;

  /** The virtual time when the baton last moved. */
  private long markTime;

  /** The steps longer than {@link #slowStepNanos}; read only to warn, never to decide. */
  final SlowSteps slowSteps;

  /**
   * How much virtual time, and how many steps, the tasks get to end once the caller's interrupt has
   * cancelled them; past either, the driver unwinds the rest.
   */
  static final long INTERRUPT_GRACE_NANOS = 60_000_000_000L;

  static final long INTERRUPT_GRACE_STEPS = 100_000;

  /** Set by the driver when the thread that called {@code Weft.run} is interrupted. */
  private volatile boolean interruptRequested;

  /** Whether the loop has cancelled every task for the caller's interrupt. */
  private boolean interrupting;

  private long interruptedAt;
  private long graceDeadline;
  private long graceSteps;

  /** The thread-safe way in: a thread outside the run reports here, and the run ends (Inbox). */
  final Inbox inbox = new Inbox();

  /** Names this run gave to things that carry none (the stages tasks await), by identity; lazy. */
  private Map<Object, String> namesByIdentity;

  Loop(RunOptions options, Thread driverThread, Chooser chooser, boolean record, CarrierPool pool) {
    this.options = options;
    this.listener = options.listener();
    this.maxSteps = options.maxSteps();
    this.slowStepNanos = VirtualTime.saturatedNanos(options.slowStepWarning());
    this.slowSteps = new SlowSteps(options.slowStepWarning());
    this.handoff = new Handoff(this, driverThread, pool);
    // A replayed schedule that says its preemption mode replays under it (Chooser.preemption).
    Preemption preemption =
        chooser != null && chooser.preemption() != null
            ? chooser.preemption()
            : options.preemption();
    this.choices =
        new ChoicePoints(this, chooser, preemption == Preemption.EVERY_OPERATION, record);
    this.footprints = choices.recordsFootprints();
  }

  /** Returns the task that is running now; throws if called from a callback. */
  TaskImpl<?> currentTask(String operation) {
    RunningLoop.checkAccess(this, null, operation);
    return runningTask(operation);
  }

  /**
   * Returns the task that is running now, for a caller that has already checked that this thread
   * runs this loop (it got the loop from {@link RunningLoop}); throws if called from a callback.
   */
  TaskImpl<?> runningTask(String operation) {
    if (current == null) {
      throw new IllegalStateException(Messages.calledFromCallback(operation));
    }
    return current;
  }

  /**
   * Gives out the next serial number: each future, task and primitive of the run gets one when it
   * is made (or, for a primitive made outside, when the run first uses it). The same schedule gives
   * the same numbers, which is what lets a search compare what steps of different tries touched.
   */
  long nextSerial() {
    return serials++;
  }

  /**
   * Records that the running step touched the future, task or primitive numbered {@code serial}:
   * under {@code SharedState.DECLARED} steps that touch nothing in common commute. Costs a field
   * read otherwise.
   */
  void touch(long serial) {
    if (footprints && RunningLoop.orNull() == this) {
      choices.touch(serial); // only the run's own thread: a task's isDone() may be asked from any
    }
  }

  /** As {@link #touch(long)}, from the loop's own code, which runs on the baton's holder. */
  private void touchHere(long key) {
    if (footprints) {
      choices.touch(key);
    }
  }

  /** Returns whether the run records what each step touches (see {@link #touch}). */
  boolean recordsFootprints() {
    return footprints;
  }

  /** Records that the running step may have touched anything: it commutes with no other. */
  void touchAnything() {
    if (footprints && RunningLoop.orNull() == this) {
      choices.touchAnything();
    }
  }

  /** Records that the running step touched the state the program calls {@code name}. */
  void touch(String name) {
    if (footprints && RunningLoop.orNull() == this) {
      choices.touch("touch:" + name);
    }
  }

  /** Returns whether {@code future} belongs to this loop. */
  boolean owns(FutureBase<?> future) {
    return future.loop == this;
  }

  <T> TaskImpl<T> spawn(String name, Callable<T> body) {
    ending.checkNotAborted();
    touchHere(NAMING); // names and indexes of new tasks follow the order of spawns
    String taskName = name != null ? name : "Task-" + ++unnamedTasks;
    TaskImpl<T> task = new TaskImpl<>(this, taskName, body, tasks.size());
    tasks.add(task);
    pendingTasks++;
    ready.addLast(task);
    event(taskName, RunEvent.Kind.SPAWNED, RunEvent.NONE);
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
    if (name == null) {
      touchHere(NAMING);
    }
    String promiseName = name != null ? name : "Promise-" + ++unnamedPromises;
    return new PromiseImpl<>(this, promiseName);
  }

  /** Numbers the unnamed primitives of one kind in the order this run first uses them: 1, 2, ... */
  int nextPrimitiveNumber(String kind) {
    touchHere(NAMING);
    return unnamedPrimitives.merge(kind, 1, Integer::sum);
  }

  /** Returns the name this run gave {@code thing}, naming it {@code name.get()} the first time. */
  String nameOf(Object thing, Supplier<String> name) {
    touchHere(NAMING);
    if (namesByIdentity == null) {
      namesByIdentity = new IdentityHashMap<>();
    }
    return namesByIdentity.computeIfAbsent(thing, unnamed -> name.get());
  }

  /** An internal future with a label for reports; never reported as an unobserved failure. */
  <T> InternalFuture<T> internalFuture(String label) {
    return new InternalFuture<>(this, label, false);
  }

  /** Appends a callback to the ready queue; asyncio's {@code call_soon} (semantics §1.1). */
  void callSoon(Runnable callback) {
    if (!ending.aborted()) { // an ended run schedules nothing: no loop will run it
      ready.addLast(callback);
    }
  }

  /** Schedules a user callback at the tail of the ready queue and returns its handle. */
  TimerHandleImpl callSoonHandle(Runnable callback, String description) {
    TimerHandleImpl handle = new TimerHandleImpl(callback, description, now, -1);
    handle.serial = nextSerial();
    ready.addLast(handle);
    return handle;
  }

  /** Schedules {@code callback} at virtual time {@code deadline}; asyncio's {@code call_at}. */
  TimerHandleImpl callAt(long deadline, Runnable callback, String description) {
    TimerHandleImpl handle = timers.schedule(deadline, callback, description);
    handle.serial = nextSerial();
    return handle;
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
        touchHere(FAILING);
        callbackFailures.add(new Reports.CallbackFailure(description, now, failure));
      }
    };
  }

  long now() {
    return now;
  }

  /**
   * Runs the loop on the calling thread until {@code self}'s next step is picked; then returns so
   * that {@code self} continues. If the next step belongs to another task, the baton goes to that
   * task's carrier and the calling thread parks until its own step comes up. {@code self} is a task
   * or {@link Handoff#DRIVER}; the driver returns as soon as it has handed the baton on, and waits
   * in {@link Runner}.
   */
  void runUntilResumed(Object self) {
    try {
      runUntilResumedOrBroken(self);
    } catch (VirtualMachineError e) {
      // A stack overflow (say) in the loop's bookkeeping, before the baton moved: this thread still
      // holds it, and the run cannot go on. The error unwinds the task; at its end the baton goes
      // to the driver.
      if (self == Handoff.DRIVER) {
        ending.brokenBy(null, e); // the driver ends the run as usual
        return;
      }
      ending.brokenBy((TaskImpl<?>) self, e);
      throw e;
    }
  }

  private void runUntilResumedOrBroken(Object self) {
    for (; ; ) {
      Runnable next = next();
      if (next == null) {
        if (slowStepNanos != 0) {
          switching(self, null);
        }
        handoff.toDriver(self);
        return;
      }
      if (next instanceof TaskImpl) {
        TaskImpl<?> task = (TaskImpl<?>) next;
        if (task == self && !task.bodyEnded) {
          return;
        }
        if (task.bodyEnded) {
          ending.endBy(
              Ending.End.INTERNAL_ERROR,
              new IllegalStateException("a step of " + task.label() + " after its end"),
              null);
          continue;
        }
        if (task.carrier == null && task.mustCancel()) {
          current = null;
          task.finishUnstarted();
          continue;
        }
        if (slowStepNanos != 0) {
          switching(self, task);
        }
        handoff.toTask(self, task);
        return;
      }
      current = null;
      if (listener != null
          && next instanceof TimerHandleImpl
          && !((TimerHandleImpl) next).isCancelled()) {
        event(
            "(callback)",
            RunEvent.Kind.CALLBACK,
            new RunEvent.Callback(((TimerHandleImpl) next).description()));
      }
      try {
        next.run();
      } catch (VirtualMachineError e) {
        ending.brokenBy(self instanceof TaskImpl ? (TaskImpl<?>) self : null, e);
      } catch (Throwable bug) { // user callbacks are guarded, so this is Weft's own bug
        ending.endBy(Ending.End.INTERNAL_ERROR, bug, null);
      }
    }
  }

  /** Returns the next callback to run, or {@code null} when the run is over (semantics §1.6). */
  private Runnable next() {
    if (footprints) {
      choices.stepEnded(); // the step that ran last, if any, is over
    }
    if (ending.over()) {
      return null;
    }
    if (interruptRequested && !interrupting) {
      beginInterrupt();
    }
    if (passRemaining == 0 && !beginPass()) {
      return null;
    }
    long step = (long) STEPS.getOpaque(this);
    if (interrupting && step >= graceSteps) {
      ending.endBy(Ending.End.INTERRUPTED, null, null);
      return null;
    }
    if (step >= maxSteps) {
      ending.endBy(Ending.End.STEP_LIMIT, null, null);
      return null;
    }
    STEPS.setOpaque(this, step + 1);
    int candidates = passRemaining--;
    int index = 0;
    if (candidates > 1) {
      index = choices.pick(candidates);
      if (listener != null && choices.decides()) {
        String name = candidateName(index);
        event(
            name != null ? name : "(callback)",
            RunEvent.Kind.CHOSE,
            new RunEvent.Choice(RunEvent.Choice.Point.TASK, index, candidates));
      }
    }
    Runnable picked = ready.removeAt(index);
    if (footprints) {
      choices.stepBegan(serials);
      if (picked instanceof TaskImpl) {
        ((TaskImpl<?>) picked).touch(); // a task's step reads and changes the task's own state
      } else if (picked instanceof TimerHandleImpl) {
        choices.touch(((TimerHandleImpl) picked).serial); // it runs unless it was cancelled
      }
    }
    return picked;
  }

  /**
   * Starts a pass: begins the shutdown once main has returned, ends the run when it is finished or
   * deadlocked, and otherwise moves the clock to the next timer if nothing is ready and takes the
   * due timers into the pass (semantics §1.1, 1.3).
   */
  private boolean beginPass() {
    String fromOutside = inbox.report();
    if (fromOutside != null) {
      ending.endBy(Ending.End.FROM_OUTSIDE, null, fromOutside);
      return false;
    }
    if (stopAfterPass) {
      stopAfterPass = false;
      if (!shutdown.started()) {
        shutdown.begin(now, tasks);
      }
    }
    if (shutdown.started()
        && shutdown.finishedAtPassBoundary(tasks, pendingTasks, ready.isEmpty())) {
      ending.endBy(interrupting ? Ending.End.INTERRUPTED : Ending.End.FINISHED, null, null);
      return false;
    }
    if (ready.isEmpty()) {
      long deadline = timers.nextDeadline();
      if (deadline == Timers.NONE || (interrupting && deadline > graceDeadline)) {
        ending.endBy(interrupting ? Ending.End.INTERRUPTED : Ending.End.DEADLOCK, null, null);
        return false;
      }
      now = Math.max(now, deadline);
    }
    timers.moveDue(now, ready);
    passRemaining = ready.size();
    choices.passBegan(passRemaining);
    return true;
  }

  /**
   * The caller of {@code Weft.run} was interrupted: at the next step, every task is cancelled as at
   * the end of a run, and they get a grace period to end.
   */
  void requestInterrupt() {
    interruptRequested = true;
  }

  /** Cancels every task not done, main included, as the end of a run does (semantics §2.17). */
  private void beginInterrupt() {
    interrupting = true;
    interruptedAt = now;
    graceDeadline = VirtualTime.deadline(now, INTERRUPT_GRACE_NANOS);
    graceSteps = steps() + INTERRUPT_GRACE_STEPS;
    stopAfterPass = false;
    if (!shutdown.started()) {
      shutdown.begin(now, tasks);
    }
    passRemaining = 0; // a new pass: the cancelled tasks' steps come first
  }

  /** Whether the caller's interrupt has cancelled the tasks, and when (virtual time). */
  boolean interrupting() {
    return interrupting;
  }

  long interruptedAt() {
    return interruptedAt;
  }

  // ---------------------------------------------------------------- choice points

  /**
   * A possible switch at a Weft operation that does not suspend: under {@link
   * Preemption#EVERY_OPERATION}, when a task runs and another callback is ready, the strategy
   * decides whether the task yields here, before the operation takes effect.
   */
  void preemptionPoint() {
    if (!choices.switchesAtOperations() || current == null || ending.over()) {
      return; // cooperative, FIFO, a callback, or the run is ending
    }
    if (ready.size() == 0 && !footprints) {
      // Nothing else could run now. A search that takes steps to commute offers the switch anyway:
      // whether something is ready depends on the order of the pass's other steps, and a step must
      // have the same choice points in every order of the steps it commutes with.
      return;
    }
    TaskImpl<?> task = current;
    if (choices.switchHere()) {
      if (listener != null) {
        event(
            task.name(),
            RunEvent.Kind.CHOSE,
            new RunEvent.Choice(RunEvent.Choice.Point.SWITCH, 1, 2));
      }
      task.yieldNow();
    }
  }

  /** {@code Weft.choose(bound)}: a value in {@code [0, bound)} from the strategy, recorded. */
  int chooseData(int bound) {
    int value = choices.chooseData(bound);
    if (listener != null && bound > 1) {
      event(RunEvent.Kind.CHOSE, new RunEvent.Choice(RunEvent.Choice.Point.DATA, value, bound));
    }
    return value;
  }

  /** Returns the choices recorded so far, or an empty list when not recording. */
  List<Choice> choices() {
    return choices.choices();
  }

  @Override
  public int readyCount() {
    return ready.size();
  }

  @Override
  public int candidateTask(int index) {
    Runnable candidate = ready.get(index);
    return candidate instanceof TaskImpl ? ((TaskImpl<?>) candidate).index : -1;
  }

  @Override
  public String candidateName(int index) {
    Runnable candidate = ready.get(index);
    return candidate instanceof TaskImpl ? ((TaskImpl<?>) candidate).name() : null;
  }

  @Override
  public Object candidateFootprint(int index) {
    Runnable candidate = ready.get(index);
    if (candidate instanceof TimerHandleImpl && ((TimerHandleImpl) candidate).isCancelled()) {
      return candidate; // runs nothing: commutes with every other of Weft's own callbacks
    }
    Runnable body =
        candidate instanceof TimerHandleImpl ? ((TimerHandleImpl) candidate).callback() : candidate;
    return body instanceof OwnCallback ? ((OwnCallback) body).footprint() : null;
  }

  @Override
  public int runningTask() {
    return current == null ? -1 : current.index;
  }

  @Override
  public String runningName() {
    return current == null ? null : current.name();
  }

  @Override
  public long nanos() {
    return now;
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

  /**
   * Measures the time {@code self} held the baton, which it now passes to {@code next} (a task, or
   * the driver if null): the real time since the baton last moved. One {@code nanoTime} per switch,
   * none for a task that yields and runs on; it only ever feeds a warning. The time counts as a
   * slow step only if it is over the threshold and the driver saw the task's thread blocked during
   * it ({@link #sampleSlowStep}): a step that computes, or loads classes in a fresh JVM, is slow
   * but not outside Weft. With the warning off, nothing is read.
   */
  private void switching(Object self, TaskImpl<?> next) {
    if (slowStepNanos == 0) {
      return;
    }
    long at = System.nanoTime();
    if (self instanceof TaskImpl) {
      TaskImpl<?> task = (TaskImpl<?>) self;
      long spent = at - stepMark;
      if (spent > slowStepNanos && task.seenBlockedAtStep >= markStep && !ending.aborted()) {
        slowSteps.add(
            task.name(),
            spent,
            markTime,
            SlowSteps.from(markFrom),
            SlowSteps.until(task.bodyEnded ? null : task.blockedIn()));
      }
    }
    stepMark = at;
    markStep = steps();
    markFrom = next == null ? null : next.blockedIn();
    markTime = now;
  }

  void resumed(TaskImpl<?> task) {
    current = task;
    task.steps++;
    if (listener != null) {
      event(task.name(), RunEvent.Kind.RAN, RunEvent.NONE);
    }
  }

  void ended(TaskImpl<?> task, RunEvent.Kind kind, RunEvent.Detail detail) {
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
    if (future.reportsUnobservedFailure() && !ending.aborted()) {
      touchHere(FAILING);
      failures.add(new Reports.Failure(future, now, shutdown.started()));
    }
  }

  void checkCanSuspend(TaskImpl<?> task) {
    ending.checkNotAborted();
    if (current != task) {
      throw new IllegalStateException(task.label() + " can only wait while it is the running task");
    }
  }

  // ---------------------------------------------------------------- for the driver and reports

  /**
   * How often, in nanoseconds of real time, the driver looks at the running task's thread for
   * {@link #sampleSlowStep}: half the slow step threshold, so that a step blocked that long is
   * seen; 0 when the warning is off.
   */
  long slowStepSampling() {
    return slowStepNanos / 2;
  }

  /**
   * Called by the driver, on its own thread: if {@code holder} is a task whose thread is blocked
   * (sleeping, waiting on a JDK lock or queue) while it holds the baton, marks its current step.
   * Reads only; the mark feeds the slow step warning and nothing else.
   */
  void sampleSlowStep(Object holder) {
    if (!(holder instanceof TaskImpl)) {
      return;
    }
    TaskImpl<?> task = (TaskImpl<?>) holder;
    Thread carrier = task.carrier;
    long step = steps();
    if (carrier == null) {
      return;
    }
    Thread.State state = carrier.getState();
    if ((state == Thread.State.TIMED_WAITING
            || state == Thread.State.WAITING
            || state == Thread.State.BLOCKED)
        && handoff.baton.holder() == task
        && steps() == step) {
      task.seenBlockedAtStep = step;
    }
  }

  long steps() {
    return (long) STEPS.getOpaque(this);
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

  boolean hasListener() {
    return listener != null;
  }

  /** Tells the listener what the running task (or callback) did. */
  void event(RunEvent.Kind kind, RunEvent.Detail detail) {
    event(current == null ? "(callback)" : current.name(), kind, detail);
  }

  /** Tells the listener; a listener that throws ends the run, since its trace is now incomplete. */
  void event(String task, RunEvent.Kind kind, RunEvent.Detail detail) {
    if (listener == null || ending.end() == Ending.End.LISTENER_FAILED) {
      return;
    }
    RunEvent event = new RunEvent(Duration.ofNanos(now), task, kind, detail);
    try {
      listener.onEvent(event);
    } catch (Throwable failure) {
      ending.endBy(Ending.End.LISTENER_FAILED, failure, event.toString());
    }
  }
}
