package dev.weft;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.explore.Explorer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code Weft.await(stage)}: a task waits in Weft for a {@code CompletionStage} the run completes,
 * and gets its failure as {@code CompletableFuture.join} throws it.
 *
 * <p>semantics §6.2.
 */
class AwaitStageTests {

  @Test
  void aTaskWaitsForAStageThatAnotherTaskCompletesInVirtualTime() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          CompletableFuture<String> reply = new CompletableFuture<>();
          Weft.spawn(
              "server",
              () -> {
                Weft.sleep(ofSeconds(2));
                log.add("server completes");
                reply.complete("pong");
              });
          log.add("main got " + Weft.await(reply) + " at " + Weft.elapsed().toSeconds() + "s");
        });
    assertThat(log).containsExactly("server completes", "main got pong at 2s");
  }

  @Test
  void aStageCompleteAlreadyReturnsWithoutLettingOtherTasksRun() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          Task<Boolean> other = Weft.spawn("other", () -> log.add("other"));
          log.add("main got " + Weft.await(CompletableFuture.completedFuture(1)));
          other.join();
        });
    assertThat(log).containsExactly("main got 1", "other");
  }

  @Test
  void failuresAreThrownAsJoinThrowsThem() {
    Weft.run(
        () -> {
          IOException io = new IOException("disk full");
          CompletableFuture<String> failed = CompletableFuture.failedFuture(io);
          Throwable direct = catchThrowable(() -> Weft.await(failed));
          assertThat(direct).isInstanceOf(CompletionException.class).hasCause(io);
          assertThat(catchThrowable(failed::join)).isInstanceOf(CompletionException.class);

          CompletableFuture<String> dependent =
              CompletableFuture.completedFuture("x")
                  .thenApply(
                      x -> {
                        throw new IllegalStateException("in thenApply");
                      });
          Throwable fromDependent = catchThrowable(() -> Weft.await(dependent));
          Throwable fromJoin = catchThrowable(dependent::join);
          assertThat(fromDependent).isSameAs(fromJoin).isInstanceOf(CompletionException.class);
          assertThat(fromDependent.getCause()).hasMessage("in thenApply");

          CompletableFuture<String> cancelled = new CompletableFuture<>();
          Weft.spawn("canceller", () -> cancelled.cancel(false));
          assertThat(catchThrowable(() -> Weft.await(cancelled)))
              .isInstanceOf(CancellationException.class);
        });
  }

  @Test
  void cancellingTheWaitingTaskLeavesTheStageToItsOtherWaiters() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          CompletableFuture<String> shared = new CompletableFuture<>();
          Task<String> impatient = Weft.spawn("impatient", () -> Weft.await(shared));
          Task<String> patient = Weft.spawn("patient", () -> Weft.await(shared));
          Weft.sleep(ofSeconds(1));
          impatient.cancel();
          assertThat(catchThrowable(impatient::join)).isInstanceOf(CancelledException.class);
          log.add("stage cancelled: " + shared.isCancelled());
          shared.complete("value");
          log.add("patient got " + patient.join());
        });
    assertThat(log).containsExactly("stage cancelled: false", "patient got value");
  }

  @Test
  void aStageNothingCompletesIsNamedInTheDeadlockReportWithWhatToDo() {
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      CompletableFuture<String> never = new CompletableFuture<>();
                      Task<String> worker = Weft.spawn("worker", () -> Weft.await(never));
                      Weft.await(never.thenApply(String::length));
                      worker.join();
                    }))
        .isInstanceOf(DeadlockException.class)
        .hasMessage(
            "Deadlock at virtual time 0s: no task can run and no timer is pending, but main has"
                + " not returned.\n"
                + "Blocked tasks (2), in creation order:\n"
                + "  main    blocked in await(CompletableFuture #1)\n"
                + "  worker  blocked in await(CompletableFuture #2)\n"
                + "Each waits for something that only another blocked task could provide, or a"
                + " stage that nothing in the run completes.\n"
                + "A stage awaited with Weft.await must be completed by the run's own tasks or"
                + " callbacks: if work outside the run was to complete it (supplyAsync, runAsync or"
                + " thenApplyAsync without an executor run on the common pool), pass"
                + " Weft.executor() as its executor.\n"
                + "Running it again with the same options gives the same deadlock, unless work"
                + " outside the run completes the stage first: then the run stops with an"
                + " IllegalStateException that names the thread.");
  }

  @Test
  void twoTasksAwaitingTheSameStageNameItOnce() {
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      CompletableFuture<String> never = new CompletableFuture<>();
                      Task<String> a = Weft.spawn("a", () -> Weft.await(never));
                      Task<String> b = Weft.spawn("b", () -> Weft.await(never));
                      Weft.gather(a, b);
                    }))
        .hasMessageContaining("  a     blocked in await(CompletableFuture #1)\n")
        .hasMessageContaining("  b     blocked in await(CompletableFuture #1)\n");
  }

  /**
   * A thread outside the run completes the stage while the run goes on: the run stops and says to
   * pass Weft.executor(). The outside thread starts only once main waits, so that the stage is
   * completed outside the run every time.
   */
  private static void completedOutside(CountDownLatch outsideDone) throws Exception {
    CompletableFuture<Integer> stage = new CompletableFuture<>();
    CountDownLatch mainWaits = new CountDownLatch(1);
    Thread outside =
        new Thread(
            () -> {
              try {
                mainWaits.await();
              } catch (InterruptedException e) {
                return;
              }
              stage.complete(42);
              outsideDone.countDown();
            },
            "outside-worker");
    outside.start();
    Weft.spawn(
        "spinner",
        () -> {
          mainWaits.countDown();
          while (true) {
            Weft.yieldNow(); // keeps the run going until the loop sees the completion
          }
        });
    Weft.await(stage);
  }

  @Test
  void aStageCompletedByAThreadOutsideTheRunStopsTheRunAndSaysToPassWeftExecutor()
      throws InterruptedException {
    CountDownLatch outsideDone = new CountDownLatch(1);
    Throwable thrown =
        catchThrowable(
            () ->
                Weft.run(
                    RunOptions.defaults().maxSteps(Integer.MAX_VALUE),
                    () -> completedOutside(outsideDone)));
    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "CompletableFuture #1, which Task 'main' waits for in Weft.await, was completed on"
                + " thread 'outside-worker', which this Weft run does not run, so the run was"
                + " stopped: work done outside the run races with it, and the run would not be"
                + " deterministic. Where the code starts that work, pass Weft.executor() as its"
                + " executor (CompletableFuture.supplyAsync, runAsync, thenApplyAsync and the other"
                + " ...Async methods use the common pool when given none), so that it runs as a"
                + " task of the run.");
    // The outside thread goes on after it completed the stage, maybe after the run has stopped:
    // wait for it (the minute only keeps a broken test from hanging).
    assertThat(outsideDone.await(1, TimeUnit.MINUTES)).isTrue();
  }

  @Test
  void anExplorationStopsAtOnceWithTheSameMessageRatherThanShrinkingIt() {
    CountDownLatch outsideDone = new CountDownLatch(1);
    assertThatThrownBy(
            () ->
                Explorer.explore(() -> completedOutside(outsideDone))
                    .maxSteps(Integer.MAX_VALUE)
                    .tries(10)
                    .run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("CompletableFuture #1, which Task 'main' waits for in Weft.await");
  }

  @Test
  void misuseIsRefusedWithAMessage() {
    assertThatThrownBy(() -> Weft.await(new CompletableFuture<>()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Weft.await needs a running Weft loop");
    AtomicReference<Throwable> fromCallback = new AtomicReference<>();
    Weft.run(
        () -> {
          Weft.callSoon(
              () -> fromCallback.set(catchThrowable(() -> Weft.await(new CompletableFuture<>()))));
          assertThatThrownBy(() -> Weft.await(null))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessage("stage must not be null");
          Weft.yieldNow();
        });
    assertThat(fromCallback.get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Weft.await must be called from a task");
  }
}
