package dev.weft.internal;

import dev.weft.CancelledException;
import dev.weft.Task;
import dev.weft.TaskGroup;
import dev.weft.TaskGroupException;
import dev.weft.ThrowingConsumer;
import dev.weft.ThrowingRunnable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A task group: a port of asyncio's {@code TaskGroup} ({@code taskgroups.py}, CPython 3.13;
 * semantics §2.10).
 *
 * <p>The body runs in the parent task. When a child fails, the group cancels every other child and
 * the parent once ({@link #parentCancelRequested}), so whatever the body waits on is interrupted.
 * On exit the parent waits until no child is left, withdraws its own cancellation request, and
 * throws the collected failures, the body's last. A cancellation from outside propagates unless
 * failures take priority; the parent is then cancelled again so that the outer cancellation is not
 * lost.
 */
final class TaskGroupImpl implements TaskGroup {
  private final Loop loop;
  private final TaskImpl<?> parent;

  /** The children not yet done, in creation order: {@link #abort} cancels them in this order. */
  private final Set<TaskImpl<?>> tasks = new LinkedHashSet<>();

  /** Failures in the order the children ended (done callbacks run in that order). */
  private final List<Throwable> errors = new ArrayList<>();

  private final List<String> sources = new ArrayList<>();
  private boolean exiting;
  private boolean aborting;
  private boolean parentCancelRequested;
  private Throwable fatal;
  private InternalFuture<Void> allDone;

  /** The number the run gave the group: what a step's footprint records of it. */
  private final long serial;

  private TaskGroupImpl(Loop loop, TaskImpl<?> parent) {
    this.loop = loop;
    this.parent = parent;
    this.serial = loop.nextSerial();
  }

  /** Runs {@code body} as a task group of the running task, {@code async with TaskGroup()}. */
  static void run(Loop loop, TaskImpl<?> parent, ThrowingConsumer<TaskGroup> body) {
    TaskGroupImpl group = new TaskGroupImpl(loop, parent);
    Throwable bodyError = null;
    try {
      body.accept(group);
    } catch (Throwable e) {
      bodyError = e;
    }
    group.exit(bodyError);
  }

  // ---------------------------------------------------------------- spawning

  @Override
  public <T> Task<T> spawn(String name, Callable<T> body) {
    Operations.requireName(name);
    return start(name, body);
  }

  @Override
  public <T> Task<T> spawn(Callable<T> body) {
    return start(null, body);
  }

  @Override
  public Task<Void> spawn(String name, ThrowingRunnable body) {
    Operations.requireName(name);
    return start(name, body == null ? null : Operations.callable(body));
  }

  @Override
  public Task<Void> spawn(ThrowingRunnable body) {
    return start(null, body == null ? null : Operations.callable(body));
  }

  private <T> Task<T> start(String name, Callable<T> body) {
    loop.touch(serial);
    Preconditions.requireNonNull(body, "body");
    RunningLoop.checkAccess(loop, null, "TaskGroup.spawn");
    if (exiting && tasks.isEmpty()) {
      throw new IllegalStateException(
          "TaskGroup.spawn: the task group of "
              + parent.label()
              + " is finished: its body and all its tasks have ended, so it takes no new tasks.");
    }
    if (aborting) {
      throw new IllegalStateException(
          "TaskGroup.spawn: the task group of "
              + parent.label()
              + " is shutting down (a task or the body failed, or the group was cancelled), so it"
              + " takes no new tasks.");
    }
    TaskImpl<T> task = loop.spawn(name, body);
    tasks.add(task);
    task.addDoneCallback(() -> onTaskDone(task));
    return task;
  }

  // ---------------------------------------------------------------- children ending

  /** asyncio's {@code _on_task_done}: runs as a done callback, in the order children end. */
  private void onTaskDone(TaskImpl<?> task) {
    loop.touch(serial);
    tasks.remove(task);
    if (allDone != null && tasks.isEmpty()) {
      allDone.completeIfPending(null);
    }
    if (task.isCancelled()) {
      return; // a cancelled child is not a failure
    }
    if (parent.isDone()) {
      return; // cannot happen while the body or exit runs; left unobserved, so the run reports it
    }
    Throwable error = task.failureObserving();
    if (error == null) {
      return;
    }
    errors.add(error);
    sources.add(task.label());
    if (error instanceof VirtualMachineError && fatal == null) {
      fatal = error;
    }
    if (!aborting && !parentCancelRequested) {
      // Interrupt whatever the body waits on; exit() withdraws this request again.
      abort();
      parentCancelRequested = true;
      parent.requestCancel();
    }
  }

  /** Cancels every child not done yet, in creation order; asyncio's {@code _abort}. */
  private void abort() {
    loop.touch(serial);
    aborting = true;
    for (TaskImpl<?> task : new ArrayList<>(tasks)) {
      if (!task.isDone()) {
        task.requestCancel();
      }
    }
  }

  // ---------------------------------------------------------------- exit

  /** asyncio's {@code __aexit__}: waits for every child, then throws what the group must throw. */
  private void exit(Throwable bodyError) {
    loop.touch(serial);
    exiting = true;
    if (bodyError instanceof RunAbortedError) {
      throw (RunAbortedError) bodyError; // the run is being torn down: no waiting
    }
    if (bodyError instanceof VirtualMachineError && fatal == null) {
      fatal = bodyError;
    }
    CancelledException propagateCancel =
        bodyError instanceof CancelledException ? (CancelledException) bodyError : null;
    if (bodyError != null && !aborting) {
      abort(); // the body failed or the parent was cancelled: stop the children
    }
    while (!tasks.isEmpty()) {
      if (allDone == null) {
        allDone = loop.internalFuture("task group exit");
      }
      try {
        parent.await(
            allDone,
            WaitReason.of(
                "taskGroup",
                null,
                tasks,
                () -> "taskGroup, waiting for " + WaitReason.list(tasks)));
      } catch (CancelledException e) {
        if (!aborting) {
          propagateCancel = e; // the parent was cancelled from outside while it waited
          abort();
        }
      }
      allDone = null;
    }
    if (fatal != null) {
      throw FutureBase.propagate(fatal);
    }
    if (parentCancelRequested && parent.uncancel() == 0) {
      propagateCancel = null; // the only cancellation was the group's own
    }
    if (propagateCancel != null && errors.isEmpty()) {
      throw propagateCancel;
    }
    if (bodyError != null && !(bodyError instanceof CancelledException)) {
      errors.add(bodyError);
      sources.add("the body");
    }
    if (!errors.isEmpty()) {
      if (parent.cancelling() > 0) {
        // Cancelled from outside as well: keep that cancellation pending for the code after us.
        parent.uncancel();
        parent.requestCancel();
      }
      throw new TaskGroupException(message(), errors);
    }
  }

  private String message() {
    StringBuilder out =
        new StringBuilder("Unhandled failures in the task group of ")
            .append(parent.label())
            .append(" (")
            .append(errors.size())
            .append("): ");
    for (int i = 0; i < errors.size(); i++) {
      if (i > 0) {
        out.append("; ");
      }
      out.append(sources.get(i)).append(" failed with ").append(errors.get(i));
    }
    return out.append('.').toString();
  }
}
