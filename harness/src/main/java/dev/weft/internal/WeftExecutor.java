package dev.weft.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code Weft.executor()}: a {@link ScheduledExecutorService} whose work runs as tasks of one run,
 * on its virtual clock, with {@code ScheduledThreadPoolExecutor}'s defaults (see the facade's
 * javadoc, which documents each method for users).
 *
 * <p>Every piece of work is one Weft task, spawned when the work is given, named {@code
 * <executor>-task-<n>}; it waits for its due time on the virtual clock and then runs the command
 * (again and again, if periodic). Its {@link ExecutorFuture} keeps the JDK's {@code Future}
 * contract. Nothing here blocks a thread: every wait is a Weft wait of the calling task, so it is
 * explored, traced, and named in a deadlock report.
 *
 * <p>Every method checks that it is called from the run the executor belongs to, so that an
 * executor kept past its run, shared with another run, or handed to a thread outside the run fails
 * with a message that says which.
 */
final class WeftExecutor implements ScheduledExecutorService {
  final Loop loop;
  private final String name;
  private final String createdIn;
  private final long createdAt;

  private long sequence;

  /** The number the run gave the executor: what a step's footprint records of it. */
  private final long serial;

  /** The work whose Weft task has not ended, in the order it was given. */
  private final Set<ExecutorFuture<?>> live = new LinkedHashSet<>();

  private boolean shutdown;
  private boolean stopped;
  private boolean terminated;
  private String shutdownBy;
  private long shutdownAt;

  /** What {@code awaitTermination} calls wait on, woken when the executor terminates. */
  private final List<Runnable> terminationWaiters = new ArrayList<>(1);

  WeftExecutor(Loop loop, String name) {
    this.loop = loop;
    this.name = name != null ? name : "executor-" + loop.nextPrimitiveNumber("executor");
    TaskImpl<?> creator = loop.currentOrNull();
    this.createdIn = creator == null ? "a callback" : creator.label();
    this.createdAt = loop.now();
    this.serial = loop.nextSerial();
  }

  /**
   * Records that the running step reads or changes this executor or its futures, when the calling
   * thread runs its loop (see {@link Loop#touch}).
   */
  void touch() {
    if (RunningLoop.orNull() == loop) {
      loop.touch(serial);
    }
  }

  /** How messages name the executor: {@code executor 'executor-1'}. */
  String label() {
    return "executor '" + name + "'";
  }

  // ---------------------------------------------------------------- giving work

  @Override
  public void execute(Runnable command) {
    requireNonNull(command, "command");
    enter("execute");
    start("execute", Executors.callable(command), 0, 0);
  }

  @Override
  public Future<?> submit(Runnable task) {
    requireNonNull(task, "task");
    enter("submit");
    return start("submit", Executors.callable(task), 0, 0);
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    requireNonNull(task, "task");
    enter("submit");
    return start("submit", Executors.callable(task, result), 0, 0);
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    requireNonNull(task, "task");
    enter("submit");
    return start("submit", task, 0, 0);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    requireNonNull(command, "command");
    requireNonNull(unit, "unit");
    enter("schedule");
    return start("schedule", Executors.callable(command), unit.toNanos(delay), 0);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    requireNonNull(callable, "callable");
    requireNonNull(unit, "unit");
    enter("schedule");
    return start("schedule", callable, unit.toNanos(delay), 0);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return startPeriodic("scheduleAtFixedRate", command, initialDelay, period, unit, "period", 1);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return startPeriodic("scheduleWithFixedDelay", command, initialDelay, delay, unit, "delay", -1);
  }

  /**
   * Checks and starts periodic work; {@code sign} codes the kind as the JDK does: 1 for a fixed
   * rate, -1 for a fixed delay.
   */
  private ScheduledFuture<?> startPeriodic(
      String operation,
      Runnable command,
      long initialDelay,
      long period,
      TimeUnit unit,
      String argument,
      int sign) {
    requireNonNull(command, "command");
    requireNonNull(unit, "unit");
    requirePositive(period, unit, argument, operation);
    enter(operation);
    return start(
        operation,
        Executors.callable(command),
        unit.toNanos(initialDelay),
        sign * Math.max(1, unit.toNanos(period)));
  }

  /** Spawns the task that runs {@code command} once due, or rejects it after a shutdown. */
  private <V> ExecutorFuture<V> start(
      String operation, Callable<V> command, long delayNanos, long period) {
    if (shutdown) {
      throw new RejectedExecutionException(
          label()
              + " rejected "
              + operation
              + "(...): it was shut down by "
              + shutdownBy
              + " at virtual time "
              + VirtualTime.format(shutdownAt)
              + ", and a shut-down executor takes no new work (ScheduledThreadPoolExecutor's"
              + " AbortPolicy).");
    }
    long now = loop.now();
    long time = delayNanos <= 0 ? now : VirtualTime.deadline(now, delayNanos);
    ExecutorFuture<V> future = new ExecutorFuture<>(this, command, time, period, ++sequence);
    TaskImpl<V> task = loop.spawn(name + "-task-" + sequence, future::runInTask);
    future.task = task;
    live.add(future);
    task.addDoneCallback(() -> taskEnded(future));
    return future;
  }

  private void taskEnded(ExecutorFuture<?> future) {
    touch();
    live.remove(future);
    future.taskEnded();
    checkTerminated();
  }

  // ---------------------------------------------------------------- shutting down

  @Override
  public void shutdown() {
    enter("shutdown");
    if (shutdown) {
      return;
    }
    markShutdown();
    for (ExecutorFuture<?> future : new ArrayList<>(live)) {
      if (future.isPeriodic()) {
        future.cancel(false); // continueExistingPeriodicTasksAfterShutdown is false by default
      }
    }
    checkTerminated();
  }

  @Override
  public List<Runnable> shutdownNow() {
    enter("shutdownNow");
    if (!shutdown) {
      markShutdown();
    }
    stopped = true;
    List<Runnable> drained = new ArrayList<>();
    for (ExecutorFuture<?> future : new ArrayList<>(live)) {
      if (!future.isDone() && !future.started()) {
        future.drained = true;
        drained.add(future);
      }
      future.task.cancel(); // a running command meets it at its next wait, as an interrupt
    }
    checkTerminated();
    return drained;
  }

  private void markShutdown() {
    shutdown = true;
    TaskImpl<?> by = loop.currentOrNull();
    shutdownBy = by == null ? "a callback" : by.label();
    shutdownAt = loop.now();
  }

  private void checkTerminated() {
    if (shutdown && !terminated && live.isEmpty()) {
      terminated = true;
      List<Runnable> waiting = new ArrayList<>(terminationWaiters);
      terminationWaiters.clear();
      for (Runnable waiter : waiting) {
        waiter.run();
      }
    }
  }

  @Override
  public boolean isShutdown() {
    enter("isShutdown");
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    enter("isTerminated");
    return terminated;
  }

  /** Whether {@code shutdownNow} was called. */
  boolean isStopped() {
    return stopped;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    requireNonNull(unit, "unit");
    enter("awaitTermination");
    long nanos = unit.toNanos(timeout);
    if (terminated || nanos <= 0) {
      return terminated;
    }
    TaskImpl<?> caller = waitingTask("awaitTermination");
    checkInterrupt(caller, "awaitTermination");
    long deadline = VirtualTime.deadline(loop.now(), nanos);
    InternalFuture<Void> mine = loop.internalFuture("awaitTermination");
    Runnable wake = () -> mine.completeIfPending(null);
    terminationWaiters.add(wake);
    TimerHandleImpl timer =
        deadline == Long.MAX_VALUE
            ? null
            : loop.callAt(deadline, wake, "awaitTermination timeout of " + caller.label());
    WaitReason reason =
        () ->
            WaitReason.of(
                    "awaitTermination",
                    label(),
                    liveTasks(),
                    () ->
                        "awaitTermination("
                            + label()
                            + (timer == null
                                ? ")"
                                : ", "
                                    + VirtualTime.format(nanos)
                                    + "), until "
                                    + VirtualTime.format(deadline))
                            + (shutdown ? ", shut down" : ", never shut down")
                            + (live.isEmpty()
                                ? ""
                                : ", tasks not ended: " + WaitReason.list(liveTasks())))
                .describe();
    try {
      caller.await(mine, reason);
    } finally {
      terminationWaiters.removeIf(registered -> registered == wake);
      if (timer != null) {
        timer.cancel();
      }
    }
    return terminated;
  }

  private List<TaskImpl<?>> liveTasks() {
    List<TaskImpl<?>> tasks = new ArrayList<>(live.size());
    for (ExecutorFuture<?> future : live) {
      tasks.add(future.task);
    }
    return tasks;
  }

  // ---------------------------------------------------------------- invokeAll, invokeAny

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    return invokeAll(tasks, Long.MAX_VALUE, "invokeAll");
  }

  @Override
  public <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException {
    requireNonNull(unit, "unit");
    return invokeAll(tasks, unit.toNanos(timeout), "invokeAll(timeout)");
  }

  private <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long nanos, String operation)
      throws InterruptedException {
    List<Callable<T>> work = checked(tasks, operation);
    enter(operation);
    TaskImpl<?> caller = waitingTask(operation);
    checkInterrupt(caller, operation);
    long deadline = VirtualTime.deadline(loop.now(), Math.max(0, nanos));
    List<Future<T>> futures = new ArrayList<>(work.size());
    boolean allDone = false;
    try {
      for (Callable<T> callable : work) {
        futures.add(start(operation, callable, 0, 0));
      }
      for (Future<T> future : futures) {
        ExecutorFuture<T> pending = (ExecutorFuture<T>) future;
        if (!pending.isDone()) {
          if (loop.now() >= deadline) {
            break;
          }
          pending.awaitDone(caller, deadline, nanos, operation + " on " + label());
          if (!pending.isDone()) {
            break;
          }
        }
      }
      allDone = futures.stream().allMatch(Future::isDone);
      return futures;
    } finally {
      if (!allDone) {
        for (Future<T> future : futures) {
          future.cancel(true);
        }
      }
    }
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    try {
      return invokeAny(tasks, Long.MAX_VALUE, "invokeAny");
    } catch (TimeoutException cannotHappen) {
      throw new IllegalStateException(Messages.internalError("invokeAny timed out"), cannotHappen);
    }
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    requireNonNull(unit, "unit");
    return invokeAny(tasks, unit.toNanos(timeout), "invokeAny(timeout)");
  }

  private <T> T invokeAny(Collection<? extends Callable<T>> tasks, long nanos, String operation)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<Callable<T>> work = checked(tasks, operation);
    if (work.isEmpty()) {
      throw new IllegalArgumentException(
          operation + " needs at least one task, but tasks was empty");
    }
    enter(operation);
    TaskImpl<?> caller = waitingTask(operation);
    checkInterrupt(caller, operation);
    long deadline = VirtualTime.deadline(loop.now(), Math.max(0, nanos));
    List<ExecutorFuture<T>> futures = new ArrayList<>(work.size());
    ArrayDeque<ExecutorFuture<T>> done = new ArrayDeque<>();
    List<InternalFuture<Void>> waiting = new ArrayList<>(1);
    try {
      for (Callable<T> callable : work) {
        ExecutorFuture<T> future = start(operation, callable, 0, 0);
        futures.add(future);
        future.addListener(
            () -> {
              done.add(future);
              if (!waiting.isEmpty()) {
                waiting.get(0).completeIfPending(null);
              }
            });
      }
      ExecutionException last = null;
      for (int remaining = futures.size(); remaining > 0; remaining--) {
        if (done.isEmpty()) {
          awaitAny(caller, futures, waiting, deadline, nanos, operation);
          if (done.isEmpty()) {
            throw new TimeoutException(
                operation
                    + " on "
                    + label()
                    + " timed out at virtual time "
                    + VirtualTime.format(loop.now())
                    + " with no task completed");
          }
        }
        ExecutorFuture<T> first = done.poll();
        if (first.succeeded()) {
          return first.value();
        }
        Throwable failure = first.failureObserving();
        last = new ExecutionException(failure != null ? failure : first.cancellation());
      }
      throw last;
    } finally {
      for (ExecutorFuture<T> future : futures) {
        future.cancel(true);
        future.dropFailure(); // as the JDK's invokeAny, which hands out no futures to read
      }
    }
  }

  private <T> void awaitAny(
      TaskImpl<?> caller,
      List<ExecutorFuture<T>> futures,
      List<InternalFuture<Void>> waiting,
      long deadline,
      long nanos,
      String operation) {
    if (loop.now() >= deadline) {
      return;
    }
    InternalFuture<Void> mine = loop.internalFuture(operation);
    waiting.add(mine);
    Runnable wake = () -> mine.completeIfPending(null);
    TimerHandleImpl timer =
        deadline == Long.MAX_VALUE
            ? null
            : loop.callAt(deadline, wake, operation + " timeout of " + caller.label());
    List<TaskImpl<?>> tasks = new ArrayList<>(futures.size());
    for (ExecutorFuture<T> future : futures) {
      tasks.add(future.task);
    }
    try {
      caller.await(
          mine,
          WaitReason.of(
              operation,
              label(),
              tasks,
              () ->
                  operation
                      + "("
                      + WaitReason.list(tasks)
                      + (timer == null ? ")" : "), until " + VirtualTime.format(deadline))));
    } finally {
      waiting.clear();
      if (timer != null) {
        timer.cancel();
      }
    }
  }

  private static <T> List<Callable<T>> checked(
      Collection<? extends Callable<T>> tasks, String operation) {
    requireNonNull(tasks, "tasks");
    List<Callable<T>> work = new ArrayList<>(tasks.size());
    int index = 0;
    for (Callable<T> callable : tasks) {
      if (callable == null) {
        throw new NullPointerException(
            operation + ": tasks must not contain null, but element " + index + " is null");
      }
      work.add(callable);
      index++;
    }
    return work;
  }

  // ---------------------------------------------------------------- checks

  /** Throws unless the calling thread runs this executor's run, saying which run it is in. */
  void enter(String operation) {
    Loop active = RunningLoop.orNull();
    if (active != loop) {
      throw new IllegalStateException(misuse(operation, active));
    }
    loop.touch(serial);
  }

  /** Returns the running task, which is about to wait in {@code operation}. */
  TaskImpl<?> waitingTask(String operation) {
    enter(operation);
    TaskImpl<?> caller = loop.currentOrNull();
    if (caller == null) {
      throw new IllegalStateException(Messages.calledFromCallback(label() + ": " + operation));
    }
    return caller;
  }

  private static void checkInterrupt(TaskImpl<?> caller, String operation)
      throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException(
          caller.label() + " was interrupted before it waited in " + operation);
    }
  }

  private String misuse(String operation, Loop active) {
    String what = label() + ": " + operation + (operation.contains("(") ? "" : "(...)");
    String origin =
        "Weft.executor() made it in " + createdIn + " at virtual time " + format(createdAt);
    if (active == null && loop.ending.end() != null) {
      return what
          + " was called on thread '"
          + Thread.currentThread().getName()
          + "' after the Weft run the executor belongs to had ended ("
          + origin
          + "). An executor from Weft.executor() works only in its own run: make one in each run.";
    }
    if (active == null) {
      return what
          + " was called on thread '"
          + Thread.currentThread().getName()
          + "', which Weft does not run, while the run the executor belongs to goes on ("
          + origin
          + "). Only that run's tasks and callbacks may use it: work handed over by a thread"
          + " outside the run would make the run nondeterministic. Pass Weft.executor() to the"
          + " code that starts that thread's work as well (supplyAsync, thenApplyAsync, ...).";
    }
    TaskImpl<?> caller = active.currentOrNull();
    return what
        + " was called from "
        + (caller == null ? "a callback" : caller.label())
        + " at virtual time "
        + format(active.now())
        + " of another Weft run than the one the executor belongs to ("
        + origin
        + ", in a run that "
        + (loop.ending.end() != null ? "has ended" : "is still going on")
        + "). Executors cannot be shared between runs: call Weft.executor() in each run.";
  }

  private static String format(long nanos) {
    return VirtualTime.format(nanos);
  }

  static void requireNonNull(Object value, String argument) {
    if (value == null) {
      throw new NullPointerException(argument + " must not be null");
    }
  }

  private static void requirePositive(long value, TimeUnit unit, String argument, String method) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          method + ": " + argument + " must be positive, but was " + value + " " + unit);
    }
  }

  @Override
  public String toString() {
    return "WeftExecutor["
        + name
        + ", "
        + (terminated ? "terminated" : shutdown ? "shutting down" : "running")
        + ", "
        + live.size()
        + (live.size() == 1 ? " task" : " tasks")
        + " not ended]";
  }
}
