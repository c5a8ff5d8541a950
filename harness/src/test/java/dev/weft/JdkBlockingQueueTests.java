package dev.weft;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link Jdk#blockingQueue}: the JDK's BlockingQueue with a Weft {@link Queue}'s waits. */
class JdkBlockingQueueTests {

  private static String at() {
    return "@" + Weft.elapsed().toSeconds() + "s";
  }

  @Nested
  class Waiting {

    @Test
    void putWaitsWhileFullAndTakeWhileEmptyInFifoOrder() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 2);
            Task<Void> producer =
                Weft.spawn(
                    "producer",
                    () -> {
                      for (String job : List.of("a", "b", "c")) {
                        jobs.put(job);
                        log.add("put " + job + " " + at());
                      }
                    });
            Weft.sleep(ofSeconds(1));
            for (int i = 0; i < 3; i++) {
              log.add("took " + jobs.take() + " " + at());
              Weft.sleep(ofSeconds(1));
            }
            producer.join();
          });
      assertThat(log)
          .containsExactly(
              "put a @0s", "put b @0s", "took a @1s", "put c @1s", "took b @2s", "took c @3s");
    }

    @Test
    void timedPollWaitsAtMostItsTimeoutOfVirtualTime() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            BlockingQueue<String> jobs = Jdk.blockingQueue("jobs");
            Weft.callLater(ofSeconds(10), () -> jobs.offer("late"));
            log.add(jobs.poll(1, TimeUnit.MINUTES) + " " + at());
            log.add(jobs.poll(1, TimeUnit.MINUTES) + " " + at());
            log.add(jobs.poll(0, TimeUnit.SECONDS) + " " + at());
          });
      assertThat(log).containsExactly("late @10s", "null @70s", "null @70s");
    }

    @Test
    void timedOfferWaitsAtMostItsTimeoutForRoom() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 1);
            jobs.put("a");
            log.add(jobs.offer("b", 5, TimeUnit.SECONDS) + " " + at());
            Weft.callLater(ofSeconds(2), jobs::poll);
            log.add(jobs.offer("c", 5, TimeUnit.SECONDS) + " " + at());
            log.add(jobs.offer("d", -1, TimeUnit.SECONDS) + " " + at());
            log.add(String.valueOf(new ArrayList<>(jobs)));
          });
      assertThat(log).containsExactly("false @5s", "true @7s", "false @7s", "[c]");
    }

    @Test
    void deadlockReportsNameTheQueueAndTheJdkMethod() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 2);
                        Task<Void> producer =
                            Weft.spawn(
                                "producer",
                                () -> {
                                  for (int i = 0; i < 3; i++) {
                                    jobs.put("job" + i);
                                  }
                                });
                        Weft.sleep(ofSeconds(1));
                        producer.join();
                        jobs.clear();
                        return jobs.take();
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining(
              "  main      blocked in join(Task 'producer')\n"
                  + "  producer  blocked in put() on blocking queue 'jobs' (full, 2/2)\n");
      assertThatThrownBy(() -> Weft.run(() -> Jdk.blockingQueue(null, 2).take()))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining("  main  blocked in take() on blocking queue #1 (empty, 0/2)\n");
    }

    @Test
    void aCancelledTakerGetsACancelledExceptionAndTakesNothing() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 2);
            Task<String> taker = Weft.spawn("taker", jobs::take);
            Weft.sleep(ofSeconds(1));
            taker.cancel();
            log.add(catchThrowable(taker::join).getClass().getSimpleName());
            jobs.put("a");
            log.add("left " + jobs);
          });
      assertThat(log).containsExactly("CancelledException", "left [a]");
    }

    @Test
    void anInterruptFlagSetByTheTaskItselfIsHonouredOnEntryAndCleared() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 2);
            jobs.put("a");
            Thread.currentThread().interrupt();
            Throwable thrown = catchThrowable(jobs::take);
            log.add(thrown.getClass().getSimpleName() + ": " + thrown.getMessage());
            log.add("interrupted still: " + Thread.currentThread().isInterrupted());
            log.add("then took " + jobs.take());
          });
      assertThat(log)
          .containsExactly(
              "InterruptedException: take() on blocking queue 'jobs': the calling task's thread had"
                  + " its interrupt flag set (by Thread.interrupt()); the flag is now cleared, as the"
                  + " JDK does. To stop a task on the loop, cancel it.",
              "interrupted still: false",
              "then took a");
    }
  }

  /** The README's example: a class written for threads, and Awaitility's await on virtual time. */
  static final class Mailer {
    private final BlockingQueue<String> outbox;
    final List<String> sent = new ArrayList<>();

    Mailer(BlockingQueue<String> outbox) {
      this.outbox = outbox;
    }

    void run() throws InterruptedException {
      for (String mail; (mail = outbox.poll(1, TimeUnit.MINUTES)) != null; ) {
        sent.add(mail);
      }
    }
  }

  @Test
  void theReadmesMailerSendsEverythingThenStopsAfterItsIdleMinute() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          BlockingQueue<String> outbox = Jdk.blockingQueue("outbox", 10);
          Mailer mailer = new Mailer(outbox);
          Task<Void> worker = Weft.spawn("mailer", mailer::run);
          outbox.put("hello");
          outbox.put("bye");
          Await.await().atMost(ofSeconds(5)).until(() -> mailer.sent.size() == 2);
          log.add("sent " + mailer.sent + " @" + Weft.elapsed().toMillis() + "ms");
          worker.join();
          log.add("stopped @" + Weft.elapsed().toMillis() + "ms");
        });
    assertThat(log).containsExactly("sent [hello, bye] @100ms", "stopped @60000ms");
  }

  @Nested
  class WithoutWaiting {

    @Test
    void offerPollAddAndRemainingCapacityFollowTheInterface() {
      List<Object> log = new ArrayList<>();
      Weft.run(
          () -> {
            BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 2);
            log.add(jobs.poll());
            log.add(jobs.peek());
            log.add(jobs.offer("a"));
            log.add(jobs.add("b"));
            log.add(jobs.offer("c"));
            log.add(jobs.remainingCapacity());
            log.add(catchThrowable(() -> jobs.add("c")).getMessage());
            log.add(jobs.peek());
            log.add(jobs.poll());
            log.add(jobs.remainingCapacity());
            log.add(Jdk.blockingQueue("unbounded").remainingCapacity());
          });
      assertThat(log)
          .containsExactly(
              null,
              null,
              true,
              true,
              false,
              0,
              "add() on blocking queue 'jobs': the queue is full (2/2). Use put() to wait for room,"
                  + " or offer() to get false instead.",
              "a",
              "a",
              1,
              Integer.MAX_VALUE);
    }

    @Test
    void removingItemsOtherwiseWakesWaitingPutters() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 2);
            jobs.put("a");
            jobs.put("b");
            Task<Void> p1 = Weft.spawn("p1", () -> jobs.put("c"));
            Task<Void> p2 = Weft.spawn("p2", () -> jobs.put("d"));
            Weft.sleep(ofSeconds(1));
            log.add("remove b: " + jobs.remove("b") + ", remove x: " + jobs.remove("x"));
            p1.join();
            log.add("after remove " + jobs);
            List<String> drained = new ArrayList<>();
            log.add("drained " + jobs.drainTo(drained, 1) + " " + drained);
            p2.join();
            log.add("after drain " + jobs + " contains d: " + jobs.contains("d"));
            Iterator<String> it = jobs.iterator();
            it.next();
            it.remove();
            log.add("after iterator remove " + jobs + ", size " + jobs.size());
          });
      assertThat(log)
          .containsExactly(
              "remove b: true, remove x: false",
              "after remove [a, c]",
              "drained 1 [a]",
              "after drain [c, d] contains d: true",
              "after iterator remove [d], size 1");
    }

    @Test
    void aTaskThatDoesNotWaitMayTakeASlotBeforeTheWokenPutterRuns() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 1);
            jobs.put("a");
            Task<Void> putter =
                Weft.spawn(
                    "putter",
                    () -> {
                      jobs.put("b");
                      log.add("putter put b " + at());
                    });
            Weft.sleep(ofSeconds(1));
            log.add("took " + jobs.take() + ", which wakes the putter");
            log.add("offer c: " + jobs.offer("c") + " " + jobs); // before the putter runs
            log.add("took " + jobs.take() + " " + at());
            putter.join();
            log.add("then " + jobs);
          });
      // As with asyncio's queue (and unlike a fair ArrayBlockingQueue), the woken putter finds the
      // queue full again and goes back to waiting, behind any putter that waits already.
      assertThat(log)
          .containsExactly(
              "took a, which wakes the putter",
              "offer c: true [c]",
              "took c @1s",
              "putter put b @1s",
              "then [b]");
    }

    @Test
    void aQueueMayBeFilledBeforeTheRunThatUsesIt() {
      BlockingQueue<Integer> numbers = Jdk.blockingQueue("numbers", 3);
      numbers.add(1);
      numbers.add(2);
      int sum = Weft.run(() -> numbers.take() + numbers.take());
      assertThat(sum).isEqualTo(3);
    }
  }

  @Nested
  class Misuse {

    @Test
    void badArgumentsNameTheArgumentAndTheRule() {
      assertThatThrownBy(() -> Jdk.blockingQueue("jobs", 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("capacity must be 1 or more, but was 0");
      assertThatThrownBy(() -> Jdk.blockingQueue(" "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("name must be null (unnamed) or a non-blank string, but was ' '");
      BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 2);
      assertThatThrownBy(() -> jobs.offer(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage(
              "offer() on blocking queue 'jobs': the item is null, and a BlockingQueue holds no"
                  + " nulls");
      assertThatThrownBy(() -> jobs.put(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> jobs.poll(1, null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> jobs.drainTo(jobs))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "drainTo() on blocking queue 'jobs': the target collection is this queue itself");
    }

    @Test
    void waitingOutsideARunSaysItNeedsOne() {
      BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 2);
      assertThatThrownBy(jobs::take)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("blocking queue 'jobs'.take() needs a running Weft loop");
    }

    @Test
    void aQueueBelongsToTheRunThatFirstUsedIt() {
      BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 2);
      Weft.run(() -> jobs.put("a"));
      assertThatThrownBy(() -> Weft.run(jobs::take))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "blocking queue 'jobs'.take() was called from a different Weft run than the one it"
                  + " belongs to");
      assertThatThrownBy(jobs::poll)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "blocking queue 'jobs'.poll() was called outside the Weft run it belongs to");
      assertThat(jobs).containsExactly("a"); // reads work anywhere, as a Queue's do
    }

    @Test
    void aVirtualWaitOfAnHourTakesNoRealWait() {
      Duration waited =
          Weft.run(
              () -> {
                Jdk.blockingQueue("jobs", 1).poll(1, TimeUnit.HOURS);
                return Weft.elapsed();
              });
      assertThat(waited).isEqualTo(Duration.ofHours(1));
    }
  }
}
