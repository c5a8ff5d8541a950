package dev.weft;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile or unusual user code still gets a clean run, a clear failure, and no thread left behind.
 * The hostile programs run on every kind of carrier thread this JVM has ({@link
 * CarrierKinds#each}).
 */
class RobustnessTests {

  /** Long enough never to fire on a healthy run, short enough that a frozen run fails the test. */
  private static final RunOptions QUICK_WATCHDOG =
      RunOptions.defaults().watchdog(Duration.ofSeconds(3));

  /**
   * A recursion that calls Weft at every level and overflows its stack. Every 64 levels it adds
   * {@code padding} frames that stay on the stack, so that each padding makes the overflow land at
   * another place: in the program's own frames, or in any frame of Weft's call.
   */
  private static int recurse(int depth, int padding, Runnable weftCall) {
    if (depth % 64 == 0) {
      return pad(padding, depth, padding, weftCall);
    }
    weftCall.run();
    return recurse(depth + 1, padding, weftCall) + 1;
  }

  private static int pad(int frames, int depth, int padding, Runnable weftCall) {
    if (frames > 0) {
      return pad(frames - 1, depth, padding, weftCall) + 1;
    }
    weftCall.run();
    return recurse(depth + 1, padding, weftCall) + 1;
  }

  /**
   * Runs a task that overflows its stack through {@code recursion} once per padding, and checks
   * that each run fails at once with the overflow, whatever frame it landed in, leaving no thread.
   *
   * @param step the paddings tried are 0 to 47 by {@code step}
   * @param recursion the task's body, given the padding
   * @return where the overflows were thrown, to show that they landed in Weft's frames too
   */
  private static TreeSet<String> overflowAtEveryDepth(int step, Consumer<Integer> recursion) {
    TreeSet<String> landedIn = new TreeSet<>();
    for (int padding = 0; padding < 48; padding += step) {
      int p = padding;
      List<Thread> carriers = new ArrayList<>();
      long started = System.nanoTime();
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      QUICK_WATCHDOG,
                      () -> {
                        carriers.add(Thread.currentThread());
                        return Weft.spawn(
                                "rec",
                                () -> {
                                  carriers.add(Thread.currentThread());
                                  recursion.accept(p);
                                })
                            .join();
                      }));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(thrown).as("padding %d", p).isInstanceOf(StackOverflowError.class);
      assertThat(took).as("padding %d: time to fail", p).isLessThan(Duration.ofSeconds(20));
      assertThat(carriers).as("padding %d", p).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
      if (thrown.getCause() != null) { // thrown inside Weft: the report names the task and call
        assertThat(thrown.getMessage())
            .as("padding %d", p)
            .startsWith("Task 'rec' ran out of stack inside ")
            .contains("so the run was stopped there");
        assertThat(thrown.getCause()).isInstanceOf(StackOverflowError.class);
      }
      Throwable original = thrown.getCause() != null ? thrown.getCause() : thrown;
      StackTraceElement[] trace = original.getStackTrace();
      landedIn.add(
          trace.length == 0 ? "?" : trace[0].getClassName() + "." + trace[0].getMethodName());
    }
    return landedIn;
  }

  @Test
  void aTaskThatOverflowsItsStackInWeftCallsFailsAtOnceWithTheOverflow() {
    CarrierKinds.each(
        kind -> {
          TreeSet<String> landedIn =
              overflowAtEveryDepth(1, padding -> recurse(1, padding, Weft::yieldNow));
          assertThat(landedIn)
              .as(kind + ": where the overflows landed")
              .anyMatch(CarrierKinds::isWeftFrame);
        });
  }

  @Test
  void aTaskThatOverflowsItsStackInWeftSleepFailsAtOnceWithTheOverflow() {
    CarrierKinds.each(
        kind -> {
          TreeSet<String> landedIn =
              overflowAtEveryDepth(
                  1, padding -> recurse(1, padding, () -> Weft.sleep(Duration.ofMillis(1))));
          assertThat(landedIn)
              .as(kind + ": where the overflows landed")
              .anyMatch(CarrierKinds::isWeftFrame);
        });
  }

  @Test
  void aTaskThatOverflowsItsStackWhileSwitchingTasksFailsAtOnceWithTheOverflow() {
    // Platform threads only: a virtual thread that parks leaves its frames on the heap and takes
    // back only the top ones, so a recursion that switches at every level never overflows there.
    CarrierKinds.each(
        kind -> {
          if (kind.equals("virtual")) {
            return;
          }
          TreeSet<String> landedIn =
              overflowAtEveryDepth(
                  3, // each run makes some 14,000 switches of platform threads
                  padding -> {
                    // Every level hands a token to a partner task and waits for it back: a switch.
                    Queue<Integer> there = new Queue<>("there", 0);
                    Queue<Integer> back = new Queue<>("back", 0);
                    Task<Void> partner =
                        Weft.spawn(
                            "partner",
                            () -> {
                              while (true) {
                                back.put(there.get());
                              }
                            });
                    try {
                      recurse(
                          1,
                          padding,
                          () -> {
                            there.put(1);
                            back.get();
                          });
                    } finally {
                      partner.cancel();
                    }
                  });
          assertThat(landedIn)
              .as(kind + ": where the overflows landed")
              .anyMatch(CarrierKinds::isWeftFrame);
        });
  }

  /**
   * For the runs whose task spins: the spinner is blamed only after this long without progress, so
   * a healthy step that a busy machine delays (before the spinner has even started) is never blamed
   * instead.
   */
  private static final RunOptions SPINNER_WATCHDOG =
      RunOptions.defaults().watchdog(Duration.ofSeconds(2));

  /**
   * Set at the end of a test, so that the busy loops it left running end and free their threads.
   */
  private static volatile boolean releaseSpinners;

  /** Runs a task that spins outside Weft until the watchdog gives up on it; returns the failure. */
  private static Throwable runATaskThatSpins(List<Thread> spinners) {
    return catchThrowable(
        () ->
            Weft.run(
                SPINNER_WATCHDOG,
                () ->
                    Weft.spawn(
                            "spinner",
                            () -> {
                              spinners.add(Thread.currentThread());
                              while (!releaseSpinners) {
                                // a busy loop that ignores its interrupt
                              }
                            })
                        .join()));
  }

  @Test
  void threadsLeftSpinningByEarlierRunsDoNotStallLaterRuns() {
    // On virtual threads, each spinner keeps a carrier of the JVM's scheduler; once all are taken,
    // no virtual thread runs any more. More spinners than carriers, then a healthy run.
    int spinnersToLeave = Runtime.getRuntime().availableProcessors() + 1;
    CarrierKinds.each(
        kind -> {
          List<Thread> spinners = new ArrayList<>();
          releaseSpinners = false;
          try {
            for (int i = 0; i < spinnersToLeave; i++) {
              Throwable failure = runATaskThatSpins(spinners);
              assertThat(failure).as(kind).isInstanceOf(BlockedOutsideWeftException.class);
              if (i == 0) { // the first report says what was left behind and what it costs
                assertThat(failure.getSuppressed())
                    .extracting(Throwable::getMessage)
                    .as(kind)
                    .anySatisfy(
                        note ->
                            assertThat(note)
                                .startsWith(
                                    "These carrier threads did not end and were left running:"
                                        + " 'weft-spinner'.")
                                .contains(
                                    kind.equals("virtual")
                                        ? "until it ends, later Weft runs in this JVM run their"
                                            + " tasks on platform threads"
                                        : "later runs do not depend on it"));
              }
            }
            assertThat(spinners).as(kind).hasSize(spinnersToLeave);
            assertThat(
                    Weft.run(
                        QUICK_WATCHDOG,
                        () -> Weft.gather(Weft.spawn("a", () -> 1), Weft.spawn("b", () -> 2))))
                .as(kind + ": a healthy run after the spinners")
                .containsExactly(1, 2);
          } finally {
            releaseSpinners = true;
          }
          awaitEnd(kind, spinners);
        });
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // it hung forever before
  void explorationsWhoseTasksSpinDoNotStallLaterExplorations() {
    // An exploration drives its tries from a virtual thread: it needs a free carrier too.
    CarrierKinds.each(
        kind -> {
          releaseSpinners = false;
          List<Thread> spinners = new ArrayList<>();
          try {
            for (int i = 0; i < 2; i++) {
              ExplorationResult spinning =
                  Explorer.explore(
                          () ->
                              Weft.spawn(
                                      "spinner",
                                      () -> {
                                        spinners.add(Thread.currentThread());
                                        while (!releaseSpinners) {
                                          // a busy loop that ignores its interrupt
                                        }
                                      })
                                  .join())
                      .options(
                          RunOptions.defaults()
                              .strategy(Strategy.random())
                              .watchdog(SPINNER_WATCHDOG.watchdog()))
                      .tries(5)
                      .run();
              assertThat(spinning.counterexample())
                  .as(kind)
                  .hasValueSatisfying(
                      found ->
                          assertThat(found.failure())
                              .isInstanceOf(BlockedOutsideWeftException.class));
            }
            ExplorationResult healthy =
                Explorer.explore(
                        () -> Weft.gather(Weft.spawn("a", () -> 1), Weft.spawn("b", () -> 2)))
                    .tries(50)
                    .run();
            assertThat(healthy.counterexample()).as(kind).isEmpty();
            assertThat(healthy.tries()).as(kind).isEqualTo(50);
          } finally {
            releaseSpinners = true;
          }
          awaitEnd(kind, spinners);
        });
  }

  private static void awaitEnd(String kind, List<Thread> threads) {
    for (Thread thread : threads) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      assertThat(thread.isAlive()).as(kind + ": a released spinner ends").isFalse();
    }
  }

  /** The thread running the current {@link #runInterrupted}, for {@link #interruptTheCaller}. */
  private static volatile Thread callerOfRun;

  /** Interrupts the thread that called {@code Weft.run}, as a preemptive test timeout would. */
  private static void interruptTheCaller() {
    callerOfRun.interrupt();
  }

  /**
   * Runs {@code main}, which calls {@link #interruptTheCaller} somewhere, and returns what the run
   * threw; checks that the interrupt is kept.
   */
  private static Throwable runInterrupted(RunOptions options, Callable<Object> main) {
    callerOfRun = Thread.currentThread();
    try {
      Throwable thrown = catchThrowable(() -> Weft.run(options, main));
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
      return thrown;
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anInterruptCancelsTheTasksWhoseCleanupStillRunsOnTheVirtualClock() {
    CarrierKinds.each(
        kind -> {
          List<String> log = new ArrayList<>();
          List<Thread> threads = new ArrayList<>();
          Throwable thrown =
              runInterrupted(
                  RunOptions.defaults().maxSteps(Long.MAX_VALUE),
                  () -> {
                    threads.add(Thread.currentThread());
                    Weft.spawn(
                        "ticker",
                        () -> {
                          threads.add(Thread.currentThread());
                          try {
                            while (true) {
                              Weft.sleep(ofSeconds(1));
                            }
                          } catch (CancelledException e) {
                            Weft.sleep(ofSeconds(5)); // a cleanup that waits, as asyncio's may
                            log.add("ticker cleaned up at " + Weft.elapsed());
                            throw e;
                          }
                        });
                    Weft.sleep(ofSeconds(3));
                    interruptTheCaller();
                    while (true) {
                      Weft.yieldNow();
                    }
                  });
          assertThat(thrown)
              .as(kind)
              .isInstanceOf(RunInterruptedException.class)
              .hasMessageContaining(
                  "so the run stopped there. Weft cancelled the tasks still running, as at the end"
                      + " of a run, and gave them 60s of virtual time (at most 100,000 steps) to"
                      + " end. Tasks running then, in creation order:\n  main    ")
              .hasMessageContaining("\n  ticker  ")
              .hasMessageEndingWith(
                  "All of them ended within it.\nThe interrupt is still set on the calling thread.");
          assertThat(log)
              .as(kind)
              .singleElement()
              .asString()
              .isEqualTo("ticker cleaned up at PT8S");
          assertThat(threads).as(kind).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
        });
  }

  @Test
  void aTaskThatIgnoresTheInterruptsCancellationIsUnwoundAfterTheGracePeriod() {
    CarrierKinds.each(
        kind -> {
          List<Thread> threads = new ArrayList<>();
          Throwable thrown =
              runInterrupted(
                  RunOptions.defaults().maxSteps(Long.MAX_VALUE),
                  () -> {
                    threads.add(Thread.currentThread());
                    Weft.spawn(
                        "stubborn",
                        () -> {
                          threads.add(Thread.currentThread());
                          while (true) {
                            try {
                              Weft.sleep(ofSeconds(1));
                            } catch (CancelledException ignored) {
                              // swallowed: the task never ends by itself
                            }
                          }
                        });
                    Weft.sleep(ofSeconds(3));
                    interruptTheCaller();
                    Weft.sleep(ofSeconds(1000));
                    return null;
                  });
          assertThat(thrown)
              .as(kind)
              .isInstanceOf(RunInterruptedException.class)
              .hasMessageContaining("These did not end within it, and were unwound:\n  stubborn  ");
          assertThat(threads).as(kind).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
        });
  }

  @Test
  void anInterruptWhileATaskIsStuckOutsideWeftEndsTheRunWithoutWaitingForTheWatchdog() {
    CarrierKinds.each(
        kind -> {
          releaseSpinners = false;
          List<Thread> spinners = new ArrayList<>();
          long started = System.nanoTime();
          Throwable thrown;
          try {
            thrown =
                runInterrupted(
                    RunOptions.defaults(), // the watchdog's 30 s: the interrupt must not wait them
                    () ->
                        Weft.spawn(
                                "spinner",
                                () -> {
                                  spinners.add(Thread.currentThread());
                                  interruptTheCaller();
                                  while (!releaseSpinners) {
                                    // a busy loop that ignores its interrupt
                                  }
                                })
                            .join());
          } finally {
            releaseSpinners = true;
          }
          Duration took = Duration.ofNanos(System.nanoTime() - started);
          assertThat(thrown).as(kind).isInstanceOf(RunInterruptedException.class);
          assertThat(thrown.getSuppressed())
              .as(kind)
              .anySatisfy(
                  s ->
                      assertThat(s)
                          .isInstanceOf(BlockedOutsideWeftException.class)
                          .hasMessageStartingWith(
                              "Task 'spinner' ran for more than 1s of real time without calling"
                                  + " into Weft")
                          // raising the watchdog would not have changed this limit
                          .hasMessageNotContaining("RunOptions.watchdog")
                          .hasMessageContaining(
                              "The limit was 1s, not the watchdog's, because the thread that"
                                  + " called Weft.run was interrupted."));
          assertThat(thrown.getMessage())
              .as(kind + ": the spinner was left running, not unwound")
              .isEqualTo(
                  "The thread that called Weft.run was interrupted (a timeout, a cancelled build) at"
                      + " virtual time 0s, so the run stopped there. Tasks not done, in creation"
                      + " order (each was unwound):\n"
                      + "  main  blocked in join(Task 'spinner')\n"
                      + "Left running, stuck outside Weft: spinner (it did not stop when"
                      + " interrupted; see the suppressed BlockedOutsideWeftException).\n"
                      + "The interrupt is still set on the calling thread.");
          assertThat(took).as(kind + ": time to stop").isLessThan(Duration.ofSeconds(15));
          awaitEnd(kind, spinners);
        });
  }

  @Test
  void anInterruptWhileATaskIsUnwoundWaitsForItsCleanupInsteadOfLeavingItRunning() {
    // The run deadlocks; while Weft unwinds 'slow', whose finally block takes a while outside Weft,
    // the caller is interrupted. The interrupt must not make Weft give up on a thread that is still
    // cleaning up (and take the baton from it while it runs).
    CarrierKinds.each(
        kind -> {
          List<Thread> threads = new ArrayList<>();
          List<String> log = new ArrayList<>();
          Throwable thrown =
              runInterrupted(
                  RunOptions.defaults(),
                  () -> {
                    threads.add(Thread.currentThread());
                    Weft.spawn(
                        "slow",
                        () -> {
                          threads.add(Thread.currentThread());
                          try {
                            Weft.promise().join();
                          } finally {
                            interruptTheCaller();
                            Thread caller = callerOfRun;
                            // The caller has seen the interrupt once its flag is clear again...
                            await().atMost(ofSeconds(20)).until(() -> !caller.isInterrupted());
                            // ...and the cleanup goes on a little longer, outside Weft.
                            await().pollDelay(Duration.ofMillis(200)).until(() -> true);
                            log.add("slow cleaned up");
                          }
                        });
                    return Weft.promise().join();
                  });
          assertThat(thrown).as(kind).isInstanceOf(DeadlockException.class);
          assertThat(thrown.getSuppressed())
              .extracting(Throwable::getMessage)
              .as(kind + ": nothing was left running")
              .noneMatch(note -> note.contains("left running"));
          assertThat(log).as(kind).containsExactly("slow cleaned up");
          assertThat(threads).as(kind).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
        });
  }

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
