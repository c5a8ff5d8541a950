package dev.weft;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile or unusual user code still gets a clean run, a clear failure, and no thread left behind.
 */
class RobustnessTests {

  @Test
  void tasksThatLeaveThemselvesInterruptedStillRunAndKeepTheirInterrupt() {
    // A parked carrier whose interrupt flag is set must not spin: on 2 cores that starved the run.
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          List<Task<Void>> tasks = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            String name = "irq-" + i;
            tasks.add(
                Weft.spawn(
                    name,
                    () -> {
                      Thread.currentThread().interrupt();
                      Weft.sleep(ofSeconds(10));
                      log.add(name + " at " + Weft.elapsed() + " " + Thread.interrupted());
                    }));
          }
          Weft.gather(tasks);
        });
    assertThat(log)
        .containsExactly(
            "irq-0 at PT10S true",
            "irq-1 at PT10S true",
            "irq-2 at PT10S true",
            "irq-3 at PT10S true");
  }

  @Test
  void spawningWhileBeingUnwoundIsRefusedAndEveryThreadEnds() {
    List<Thread> carriers = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      carriers.add(Thread.currentThread());
                      try {
                        Weft.promise("never").join();
                      } finally {
                        Weft.spawn("too-late", () -> 1);
                      }
                    }))
        .isInstanceOf(DeadlockException.class);
    assertThat(carriers).singleElement().satisfies(t -> assertThat(t.isAlive()).isFalse());
  }

  @Test
  void aListenerThatThrowsStopsTheRunWithAMessageThatSaysSo() {
    IllegalStateException listenerBug = new IllegalStateException("listener bug");
    RunOptions options =
        RunOptions.defaults()
            .listener(
                event -> {
                  if (event.kind() == RunEvent.Kind.COMPLETED) {
                    throw listenerBug;
                  }
                });
    assertThatThrownBy(
            () ->
                Weft.run(
                    options,
                    () -> {
                      Weft.spawn("worker", () -> 1).join();
                      Weft.sleep(ofSeconds(5));
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The RunListener threw on the event \"0s worker COMPLETED 1\", so the run was stopped"
                + " there: a listener must not throw.")
        .hasCause(listenerBug);
  }

  @Test
  void callbacksScheduledByCleanupAtShutdownStillRun() {
    // semantics §2.17: asyncio's shutdown takes two more passes after the last leftover ends.
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          Weft.spawn(
              "leftover",
              () -> {
                try {
                  Weft.sleep(ofSeconds(10));
                } finally {
                  Weft.callSoon(() -> log.add("flushed at " + Weft.elapsed()));
                }
              });
          Weft.sleep(ofSeconds(1));
        });
    assertThat(log).containsExactly("flushed at PT1S");
  }

  @Test
  void tasksSpawnedByCleanupAreCancelledOnceTheLeftoversHaveEnded() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          Weft.spawn(
              "leftover",
              () -> {
                try {
                  Weft.sleep(ofSeconds(10));
                } finally {
                  Weft.spawn(
                      "heartbeat",
                      () -> {
                        try {
                          while (true) {
                            Weft.sleep(ofSeconds(1));
                            log.add("beat at " + Weft.elapsed());
                          }
                        } catch (CancelledException e) {
                          log.add("heartbeat cancelled at " + Weft.elapsed());
                        }
                      });
                }
              });
          Weft.sleep(ofSeconds(1));
        });
    assertThat(log).containsExactly("heartbeat cancelled at PT1S");
  }

  @Test
  void aShieldedFailureNobodyReadIsReported() {
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      Task<Void> worker =
                          Weft.spawn(
                              "worker",
                              () -> {
                                throw new IllegalStateException("lost?");
                              });
                      Weft.shield(worker);
                      Weft.sleep(ofSeconds(1));
                    }))
        .isInstanceOf(TaskFailedException.class)
        .hasMessageStartingWith("shield(Task 'worker') failed at virtual time 0s");
  }

  @Test
  void aShieldCannotBeCompletedByHand() {
    Weft.run(
        () -> {
          Task<Integer> worker = Weft.spawn("worker", () -> 1);
          assertThat(Weft.shield(worker)).isNotInstanceOf(Promise.class);
          worker.join();
        });
  }

  @Test
  void cancelledCallbacksDoNotAppearInTheEvents() {
    List<String> events = new ArrayList<>();
    Weft.run(
        RunOptions.defaults().listener(e -> events.add(e.toString())),
        () -> {
          TimerHandle soon = Weft.callSoon(() -> {});
          soon.cancel();
          Weft.callSoon(() -> {});
          Weft.yieldNow();
        });
    assertThat(events).filteredOn(e -> e.contains("CALLBACK")).hasSize(1);
  }

  @Test
  void aCycleOfJoinsUnderATimeoutIsADeadlockNotACrash() {
    List<Task<?>> tasks = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      tasks.add(Weft.spawn("a", () -> tasks.get(1).join()));
                      tasks.add(Weft.spawn("b", () -> tasks.get(0).join()));
                      return Weft.waitFor(tasks.get(0), ofSeconds(1));
                    }))
        .isInstanceOf(DeadlockException.class)
        .hasMessageContaining("at virtual time 1s")
        .hasMessageContaining("a     blocked in join(Task 'b')");
  }

  @Test
  void aBadCarrierPropertyIsReportedOnEveryRun() {
    String before = System.getProperty("weft.carrier");
    System.setProperty("weft.carrier", "green");
    try {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> Weft.run(() -> 1))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("Weft could not start a thread for Task 'main'")
            .hasMessageContaining(
                "the system property weft.carrier must be 'virtual' or 'platform', but was 'green'");
      }
    } finally {
      if (before == null) {
        System.clearProperty("weft.carrier");
      } else {
        System.setProperty("weft.carrier", before);
      }
    }
  }
}
