package dev.weft.internal;

import dev.weft.Outcome;
import dev.weft.Promise;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.TaskGroup;
import dev.weft.ThrowingConsumer;
import dev.weft.ThrowingRunnable;
import dev.weft.TimerHandle;
import dev.weft.WaitResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The implementation behind the {@code Weft} facade: finds the running loop and task, converts
 * arguments, and delegates to the scheduler. Arguments have already been checked for {@code null}
 * by the facade.
 */
public final class Operations {
  private Operations() {}

  /** A body that returns nothing, as a {@code Callable} whose result is {@code null}. */
  public static Callable<Void> callable(ThrowingRunnable body) {
    return () -> {
      body.run();
      return null;
    };
  }

  /** Checks a task name: not null, not blank. */
  public static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "name must be a non-blank string, but was " + (name == null ? "null" : "'" + name + "'"));
    }
  }

  public static <T> Task<T> spawn(String name, Callable<T> body) {
    return RunningLoop.require("Weft.spawn").spawn(name, body);
  }

  public static <T> Promise<T> promise(String name) {
    return RunningLoop.require("Weft.promise").promise(name);
  }

  public static TimerHandle callSoon(Runnable callback) {
    Loop loop = RunningLoop.require("Weft.callSoon");
    String description = "callSoon from " + origin(loop);
    return loop.callSoonHandle(loop.guarded(callback, description), description);
  }

  public static TimerHandle callLater(Duration delay, Runnable callback) {
    Loop loop = RunningLoop.require("Weft.callLater");
    long nanos = VirtualTime.saturatedNanos(delay);
    long deadline = VirtualTime.wakeUp(loop.now(), delay, "Weft.callLater");
    String description = "callLater(" + VirtualTime.format(nanos) + ") from " + origin(loop);
    return loop.callAt(deadline, loop.guarded(callback, description), description);
  }

  private static String origin(Loop loop) {
    TaskImpl<?> task = loop.currentOrNull();
    return task == null ? "a callback" : task.label();
  }

  public static void sleep(Duration duration) {
    Loop loop = RunningLoop.require("Weft.sleep");
    TaskImpl<?> task = loop.runningTask("Weft.sleep");
    long nanos = VirtualTime.saturatedNanos(duration);
    if (nanos <= 0) {
      task.yieldNow();
      return;
    }
    long deadline = VirtualTime.wakeUp(loop.now(), duration, "Weft.sleep");
    InternalFuture<Void> wakeUp = loop.internalFuture("sleep");
    TimerHandleImpl timer =
        loop.callAt(
            deadline,
            new OwnCallback(wakeUp, () -> wakeUp.completeIfPending(null)),
            "sleep timer of " + task.label());
    try {
      task.await(
          wakeUp,
          WaitReason.of(
              "sleep",
              null,
              List.of(),
              () ->
                  "sleep("
                      + VirtualTime.format(nanos)
                      + "), until "
                      + VirtualTime.format(deadline)));
    } finally {
      timer.cancel();
    }
  }

  public static void yieldNow() {
    Loop loop = RunningLoop.require("Weft.yieldNow");
    loop.runningTask("Weft.yieldNow").yieldNow();
  }

  public static Duration elapsed() {
    return Duration.ofNanos(RunningLoop.require("Weft.elapsed").now());
  }

  public static Clock clock() {
    return new VirtualClock(RunningLoop.require("Weft.clock"));
  }

  public static ScheduledExecutorService executor(String name) {
    return new WeftExecutor(RunningLoop.require("Weft.executor"), name);
  }

  public static <T> T await(CompletionStage<T> stage) {
    Loop loop = RunningLoop.require("Weft.await");
    return StageAwait.await(loop, loop.runningTask("Weft.await"), stage);
  }

  public static Task<?> current() {
    return RunningLoop.require("Weft.current").runningTask("Weft.current");
  }

  @SuppressWarnings("unchecked")
  public static <T> List<T> gather(Collection<? extends Task<? extends T>> tasks) {
    return (List<T>) gather(tasks, false, "Weft.gather");
  }

  @SuppressWarnings("unchecked")
  public static <T> List<Outcome<T>> gatherSettled(Collection<? extends Task<? extends T>> tasks) {
    return (List<Outcome<T>>) gather(tasks, true, "Weft.gatherSettled");
  }

  /** Values, or {@link Outcome}s when {@code settled}, in argument order (semantics §2.4). */
  private static List<?> gather(
      Collection<? extends Task<?>> tasks, boolean settled, String operation) {
    Loop loop = RunningLoop.require(operation);
    TaskImpl<?> caller = loop.runningTask(operation);
    List<FutureBase<?>> children = futures(loop, tasks, operation);
    if (children.isEmpty()) {
      return List.of();
    }
    Gather gather = Gather.start(loop, children, settled);
    return caller.await(gather, gather.reason());
  }

  public static <T> Iterable<Task<T>> asCompleted(
      Collection<? extends Task<T>> tasks, Duration timeout) {
    Loop loop = RunningLoop.require("Weft.asCompleted");
    List<FutureBase<?>> futures = futures(loop, tasks, "Weft.asCompleted");
    return new AsCompleted<>(
        loop, futures, timeout == null ? -1 : VirtualTime.saturatedNanos(timeout));
  }

  public static <T> WaitResult<T> wait(
      Collection<? extends Task<T>> tasks, ReturnWhen when, Duration timeout) {
    Loop loop = RunningLoop.require("Weft.wait");
    TaskImpl<?> caller = loop.runningTask("Weft.wait");
    List<FutureBase<?>> futures =
        new ArrayList<>(new LinkedHashSet<>(futures(loop, tasks, "Weft.wait")));
    if (futures.isEmpty()) {
      throw new IllegalArgumentException("Weft.wait needs at least one task, but tasks was empty");
    }
    return Waits.await(
        loop, caller, futures, when, timeout == null ? -1 : VirtualTime.saturatedNanos(timeout));
  }

  public static <T> T waitFor(Task<T> task, Duration timeout) {
    Loop loop = RunningLoop.require("Weft.waitFor");
    TaskImpl<?> caller = loop.runningTask("Weft.waitFor");
    return Timeouts.waitFor(
        loop, caller, future(loop, task, "Weft.waitFor"), VirtualTime.saturatedNanos(timeout));
  }

  public static <T> T withTimeout(Duration timeout, Callable<T> body) {
    Loop loop = RunningLoop.require("Weft.withTimeout");
    TaskImpl<?> caller = loop.runningTask("Weft.withTimeout");
    long nanos = VirtualTime.saturatedNanos(timeout);
    return Timeouts.withTimeout(
        loop, caller, nanos, "withTimeout(" + VirtualTime.format(nanos) + ")", body);
  }

  public static <T> Task<T> shield(Task<T> task) {
    Loop loop = RunningLoop.require("Weft.shield");
    return Shield.of(loop, future(loop, task, "Weft.shield"));
  }

  public static int choose(int bound) {
    return RunningLoop.require("Weft.choose").chooseData(bound);
  }

  public static void checkpoint() {
    RunningLoop.require("Weft.checkpoint").preemptionPoint();
  }

  public static void touch(String name) {
    RunningLoop.require("Weft.touch").touch(name);
  }

  public static void taskGroup(ThrowingConsumer<TaskGroup> body) {
    Loop loop = RunningLoop.require("Weft.taskGroup");
    TaskGroupImpl.run(loop, loop.runningTask("Weft.taskGroup"), body);
  }

  private static List<FutureBase<?>> futures(
      Loop loop, Collection<? extends Task<?>> tasks, String operation) {
    List<FutureBase<?>> futures = new ArrayList<>(tasks.size());
    int index = 0;
    for (Task<?> task : tasks) {
      if (task == null) {
        throw new IllegalArgumentException(
            operation + ": tasks must not contain null, but element " + index + " is null");
      }
      futures.add(future(loop, task, operation));
      index++;
    }
    return futures;
  }

  @SuppressWarnings("unchecked")
  private static <T> FutureBase<T> future(Loop loop, Task<T> task, String operation) {
    if (!(task instanceof FutureBase)) {
      throw new IllegalArgumentException(
          operation
              + " accepts only tasks made by Weft (spawn, promise, shield), but got "
              + task.getClass().getName());
    }
    FutureBase<T> future = (FutureBase<T>) task;
    if (!loop.owns(future)) {
      throw RunningLoop.misuse(loop, Messages.taskOfOtherRun(operation, future.label()));
    }
    return future;
  }
}
