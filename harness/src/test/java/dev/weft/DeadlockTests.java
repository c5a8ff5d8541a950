package dev.weft;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 1.5: nothing ready, no timer pending, main not done: Weft reports a deadlock instead of
 * hanging.
 */
class DeadlockTests {

  @Test
  void reportNamesEveryBlockedTaskWhatItWaitsOnAndTheVirtualTime() {
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      Promise<String> reply = Weft.promise("reply");
                      Task<String> p0 = Weft.spawn("P0", reply::join);
                      Task<String> p1 = Weft.spawn("P1", p0::join);
                      Weft.sleep(ofMillis(200));
                      return Weft.gather(p0, p1);
                    }))
        .isInstanceOf(DeadlockException.class)
        .hasMessage(
            "Deadlock at virtual time 0.2s: no task can run and no timer is pending, but main has not"
                + " returned.\n"
                + "Blocked tasks (3), in creation order:\n"
                + "  main  blocked in gather(P0, P1), waiting for P0\n"
                + "  P0    blocked in join(Promise 'reply')\n"
                + "  P1    blocked in join(Task 'P0')\n"
                + "Each waits for something that only another blocked task could provide.\n"
                + "The run is deterministic: running it again with the same options reproduces it exactly.");
  }

  @Test
  void twoTasksJoiningEachOtherAreDetectedAtOnce() {
    List<Task<?>> tasks = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      tasks.add(Weft.spawn("A", () -> tasks.get(1).join()));
                      tasks.add(Weft.spawn("B", () -> tasks.get(0).join()));
                      return Weft.gather(tasks);
                    }))
        .isInstanceOf(DeadlockException.class)
        .hasMessageContaining("  A     blocked in join(Task 'B')\n")
        .hasMessageContaining("  B     blocked in join(Task 'A')\n")
        .hasMessageContaining("at virtual time 0s");
  }

  @Test
  void isNotReportedWhileATimerIsPending() {
    // Autojump: a sleeping task keeps the run alive; the promise is completed by a callback at t=5.
    String reply =
        Weft.run(
            () -> {
              Promise<String> promise = Weft.promise("reply");
              Weft.callLater(ofSeconds(5), () -> promise.complete("pong at " + Weft.elapsed()));
              return promise.join();
            });
    assertThat(reply).isEqualTo("pong at PT5S");
  }

  @Test
  void aCancelledTimerDoesNotKeepTheRunAlive() {
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      Weft.callLater(ofSeconds(5), () -> {}).cancel();
                      return Weft.promise("never").join();
                    }))
        .isInstanceOf(DeadlockException.class)
        .hasMessageContaining("at virtual time 0s")
        .hasMessageContaining("main  blocked in join(Promise 'never')");
  }

  @Test
  void failuresNobodyObservedBeforeTheDeadlockAreAttached() {
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      Weft.spawn(
                          "crasher",
                          () -> {
                            throw new IllegalStateException("crashed");
                          });
                      return Weft.promise("never").join();
                    }))
        .isInstanceOf(DeadlockException.class)
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .satisfies(
                        s ->
                            assertThat(s)
                                .isInstanceOf(TaskFailedException.class)
                                .hasMessageStartingWith(
                                    "Task 'crasher' failed at virtual time 0s")));
  }

  @Test
  void tasksBlockedInTheDeadlockAreUnwoundSoTheirFinallyBlocksRun() {
    List<String> log = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      try {
                        return Weft.promise("never").join();
                      } finally {
                        log.add("main unwound");
                      }
                    }))
        .isInstanceOf(DeadlockException.class);
    assertThat(log).containsExactly("main unwound");
  }

  @Test
  void aDeadlockOfAThousandWorkersStaysReadable() {
    Throwable deadlock =
        catchThrowable(
            () ->
                Weft.run(
                    () -> {
                      Queue<String> jobs = new Queue<>("jobs", 0);
                      List<Task<String>> workers = new ArrayList<>();
                      for (int i = 0; i < 1_000; i++) {
                        workers.add(Weft.spawn("T" + i, jobs::get));
                      }
                      return Weft.gather(workers);
                    }));
    String report = deadlock.getMessage();
    assertThat(report)
        .isEqualTo(
            "Deadlock at virtual time 0s: no task can run and no timer is pending, but main has not"
                + " returned.\n"
                + "Blocked tasks (1001), in creation order:\n"
                + "  main  blocked in gather(T0, T1, T2, T3, T4, T5, ... T999"
                + " (1,000 in all)), waiting for T0\n"
                + "  T0, T1, T2, ... T999 (1,000 tasks)  blocked in get on queue 'jobs' (empty)\n"
                + "Each waits for something that only another blocked task could provide.\n"
                + "The run is deterministic: running it again with the same options reproduces it"
                + " exactly.");
    assertThat(report.lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(200));
  }
}
