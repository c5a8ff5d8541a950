package dev.weft.internal;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * {@code Weft.await(stage)}: a task waits in Weft for a {@link CompletionStage} that the run's
 * tasks complete, and gets its outcome as {@code CompletableFuture.join} gives it.
 *
 * <p>The task waits on a future of its own, completed by a {@code whenComplete} callback on the
 * stage, so that cancelling the task never cancels the stage (other code may share it). The
 * callback runs on the thread that completes the stage. On a thread of this run it holds the baton
 * and completes the task's future at once; on any other thread (the common pool of {@code
 * supplyAsync}, another run) it touches nothing of the loop: it posts to the {@link Inbox}, and the
 * loop ends the run, saying to pass {@code Weft.executor()}.
 *
 * <p>A stage nothing completes leaves its task blocked, so it is part of a deadlock, named per run
 * in the order tasks first await them: {@code await(CompletableFuture #1)}.
 *
 * @param <T> the stage's result type
 */
final class StageAwait<T> implements BiConsumer<T, Throwable> {
  private final Loop loop;
  private final TaskImpl<?> caller;
  private final String label;
  private final InternalFuture<Void> completed;
  private T value;
  private Throwable failure;

  /** Set once the task has stopped waiting: a completion after that is nobody's concern. */
  private volatile boolean abandoned;

  private StageAwait(Loop loop, TaskImpl<?> caller, String label) {
    this.loop = loop;
    this.caller = caller;
    this.label = label;
    this.completed = loop.internalFuture("await(" + label + ")");
  }

  /** Waits for {@code stage} in {@code caller} and returns its value, or throws as join does. */
  static <T> T await(Loop loop, TaskImpl<?> caller, CompletionStage<T> stage) {
    String label = loop.nameOf(stage, () -> kind(stage) + " #" + loop.nextPrimitiveNumber("stage"));
    StageAwait<T> await = new StageAwait<>(loop, caller, label);
    loop.touchAnything(); // the stage is the program's own state, which Weft cannot name
    stage.whenComplete(await); // runs at once, on this thread, if the stage is complete already
    try {
      caller.await(
          await.completed,
          WaitReason.of("Weft.await", label, List.of(), () -> "await(" + label + ")"));
    } finally {
      await.abandoned = true;
    }
    return await.outcome();
  }

  private static String kind(CompletionStage<?> stage) {
    String simple = stage.getClass().getSimpleName();
    return simple.isEmpty() ? "CompletionStage" : simple;
  }

  /** The stage is complete: called on the thread that completed it. */
  @Override
  public void accept(T result, Throwable error) {
    if (RunningLoop.orNull() == loop) {
      if (!completed.isDone() && !loop.ending.aborted()) {
        value = result;
        failure = error;
        completed.setResult(null);
      }
      return;
    }
    if (!abandoned) {
      loop.inbox.post(completedOutside(Thread.currentThread().getName()));
    }
  }

  private String completedOutside(String thread) {
    return label
        + ", which "
        + caller.label()
        + " waits for in Weft.await, was completed on thread '"
        + thread
        + "', which this Weft run does not run, so the run was stopped: work done outside the run"
        + " races with it, and the run would not be deterministic. Where the code starts that work,"
        + " pass Weft.executor() as its executor (CompletableFuture.supplyAsync, runAsync,"
        + " thenApplyAsync and the other ...Async methods use the common pool when given none), so"
        + " that it runs as a task of the run.";
  }

  /** Returns the value, or throws the failure as {@code CompletableFuture.join} does. */
  private T outcome() {
    if (failure == null) {
      return value;
    }
    if (failure instanceof CancellationException) {
      throw (CancellationException) failure;
    }
    if (failure instanceof CompletionException) {
      throw (CompletionException) failure;
    }
    throw new CompletionException(failure);
  }

  /**
   * The sentence a deadlock report adds when a task waits in {@code Weft.await}, or null: a stage
   * that nothing in the run completes may have been meant for a thread outside it.
   */
  static String deadlockHint(List<TaskImpl<?>> tasks) {
    for (TaskImpl<?> task : tasks) {
      WaitReason reason = task.blockedIn();
      if (!task.isDone() && reason != null && "Weft.await".equals(reason.describe().operation())) {
        return "A stage awaited with Weft.await must be completed by the run's own tasks or"
            + " callbacks: if work outside the run was to complete it (supplyAsync, runAsync or"
            + " thenApplyAsync without an executor run on the common pool), pass Weft.executor() as"
            + " its executor.\n";
      }
    }
    return null;
  }
}
