package dev.weft;

import static dev.weft.TestPrograms.at;
import static dev.weft.TestPrograms.attempt;
import static dev.weft.TestPrograms.kind;
import static dev.weft.TestPrograms.secs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Spec 2.11 (3.13): {@code shutdown()} and {@code shutdown(immediate)}. */
@DisplayName("Queue.shutdown (semantics §2.11)")
class QueueShutdownTests {

  /** A task that gets once and logs "NAME got ITEM@Ns" or "NAME ExceptionName@Ns". */
  private static Task<Void> getter(String name, Queue<String> q, List<String> log) {
    return Weft.spawn(
        name,
        () -> {
          TestPrograms.Ended ended = attempt(q::get);
          log.add(
              name
                  + (ended.error() == null ? " got " + ended.value() : " " + kind(ended.error()))
                  + at());
        });
  }

  @Nested
  @DisplayName("shutdown()")
  class Graceful {

    @Test
    @DisplayName(
        "semantics §2.11: shutdown wakes every blocked getter of an empty queue, and each raises")
    void wakesAllBlockedGetters() {
      List<String> log = new ArrayList<>();
      List<Throwable> errors = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("jobs", 0);
            List<Task<Void>> getters = new ArrayList<>();
            for (String name : List.of("G1", "G2", "G3")) {
              getters.add(getter(name, q, log));
            }
            Weft.spawn(
                "late",
                () -> {
                  Weft.sleep(secs(2));
                  errors.add(catchThrowable(q::get)); // an empty shut-down queue: no waiting
                });
            Weft.sleep(secs(1));
            q.shutdown();
            log.add("shutdown" + at());
            Weft.gather(getters);
            Weft.sleep(secs(2));
          });
      assertThat(log)
          .containsExactly(
              "shutdown@1s",
              "G1 QueueShutDownException@1s",
              "G2 QueueShutDownException@1s",
              "G3 QueueShutDownException@1s");
      assertThat(errors)
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e)
                      .isInstanceOf(QueueShutDownException.class)
                      .hasMessageContaining("get() on queue 'jobs': the queue is shut down"));
    }

    @Test
    @DisplayName(
        "semantics §2.11: shutdown wakes every blocked putter, and each raises without putting")
    void wakesAllBlockedPutters() {
      List<String> log = new ArrayList<>();
      List<Throwable> errors = new ArrayList<>();
      Queue<String> q = new Queue<>("jobs", 1);
      Weft.run(
          () -> {
            q.putNowait("x");
            List<Task<Void>> putters = new ArrayList<>();
            for (String name : List.of("P1", "P2")) {
              putters.add(
                  Weft.spawn(
                      name,
                      () -> {
                        Throwable e = catchThrowable(() -> q.put(name));
                        errors.add(e);
                        log.add(name + " " + kind(e) + at());
                      }));
            }
            Weft.sleep(secs(1));
            q.shutdown();
            Weft.gather(putters);
          });
      assertThat(log)
          .containsExactly("P1 QueueShutDownException@1s", "P2 QueueShutDownException@1s");
      assertThat(errors.get(0))
          .hasMessageContaining("put() on queue 'jobs': the queue is shut down");
      assertThat(q.snapshot()).containsExactly("x");
      assertThat(q.unfinished()).isEqualTo(1);
    }

    @Test
    @DisplayName(
        "semantics §2.11: after shutdown, get takes the items left, then raises QueueShutDownException")
    void getTakesWhatIsLeftThenRaises() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("jobs", 0);
            q.putNowait("a");
            q.putNowait("b");
            q.shutdown();
            log.add("got " + q.get());
            log.add("got " + q.getNowait());
            log.add("get: " + kind(catchThrowable(q::get)));
            log.add("getNowait: " + kind(catchThrowable(q::getNowait)));
            log.add("unfinished " + q.unfinished());
          });
      assertThat(log)
          .containsExactly(
              "got a",
              "got b",
              "get: QueueShutDownException",
              "getNowait: QueueShutDownException",
              "unfinished 2");
    }

    @Test
    @DisplayName(
        "semantics §2.11: woken getters re-check: those that find an item take it, the rest raise")
    void wokenGettersTakeTheItemsLeftThenRaise() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("jobs", 0);
            List<Task<Void>> getters = new ArrayList<>();
            for (String name : List.of("G1", "G2", "G3")) {
              getters.add(getter(name, q, log));
            }
            Weft.yieldNow(); // getters: [G1, G2, G3]
            q.putNowait("a"); // wakes G1
            q.putNowait("b"); // wakes G2
            q.shutdown(); // wakes G3; none of them has run yet
            Weft.gather(getters);
          });
      assertThat(log).containsExactly("G1 got a@0s", "G2 got b@0s", "G3 QueueShutDownException@0s");
    }

    @Test
    @DisplayName("semantics §2.11: after shutdown, put and putNowait raise even when there is room")
    void laterPutsRaise() {
      List<Throwable> thrown = new ArrayList<>();
      Queue<String> q = new Queue<>("jobs", 2);
      Weft.run(
          () -> {
            q.putNowait("a");
            q.shutdown();
            thrown.add(catchThrowable(() -> q.put("b")));
            thrown.add(catchThrowable(() -> q.putNowait("c")));
          });
      assertThat(thrown)
          .hasSize(2)
          .allSatisfy(e -> assertThat(e).isInstanceOf(QueueShutDownException.class));
      assertThat(thrown.get(0))
          .hasMessageContaining("put() on queue 'jobs': the queue is shut down");
      assertThat(thrown.get(1))
          .hasMessageContaining("putNowait() on queue 'jobs': the queue is shut down");
      assertThat(q.snapshot()).containsExactly("a");
      assertThat(q.unfinished()).isEqualTo(1);
      assertThat(q.isShutDown()).isTrue();
    }

    @Test
    @DisplayName("semantics §2.11: calling shutdown again is harmless and keeps the items")
    void repeatedShutdownIsHarmless() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("jobs", 0);
            q.putNowait("a");
            q.putNowait("b");
            q.shutdown();
            q.shutdown();
            log.add("after two: " + q.snapshot() + ", shut down " + q.isShutDown());
            log.add("got " + q.get());
            q.shutdown();
            log.add("after three: " + q.snapshot() + ", unfinished " + q.unfinished());
          });
      assertThat(log)
          .containsExactly(
              "after two: [a, b], shut down true", "got a", "after three: [b], unfinished 2");
    }
  }

  @Nested
  @DisplayName("shutdown(true)")
  class Immediate {

    @Test
    @DisplayName(
        "semantics §2.11: shutdown(true) drops the items, each counting as done; items taken but not"
            + " marked done still block join")
    void immediateDrainsButTakenItemsStillBlockJoin() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("jobs", 0);
            q.putNowait("a");
            q.putNowait("b");
            q.putNowait("c");
            q.getNowait(); // taken, not marked done
            Task<Void> joiner =
                Weft.spawn(
                    "joiner",
                    () -> {
                      q.join();
                      log.add("joined" + at());
                    });
            Weft.sleep(secs(1));
            q.shutdown(true);
            log.add(
                "shutdown(true)" + at() + ": " + q.snapshot() + ", unfinished " + q.unfinished());
            Weft.sleep(secs(1));
            q.taskDone(); // the item main took
            joiner.join();
          });
      assertThat(log).containsExactly("shutdown(true)@1s: [], unfinished 1", "joined@2s");
    }

    @Test
    @DisplayName("semantics §2.11: shutdown(true) releases join when the count reaches 0")
    void immediateReleasesJoinAtZero() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("jobs", 0);
            q.putNowait("a");
            q.putNowait("b");
            Task<Void> joiner =
                Weft.spawn(
                    "joiner",
                    () -> {
                      q.join();
                      log.add("joined" + at());
                    });
            Weft.sleep(secs(1));
            q.shutdown(true);
            log.add("shutdown(true), unfinished " + q.unfinished());
            joiner.join();
          });
      assertThat(log).containsExactly("shutdown(true), unfinished 0", "joined@1s");
    }

    @Test
    @DisplayName(
        "semantics §2.11: shutdown(true) also takes the item a woken getter was about to get")
    void immediateLeavesAWokenGetterNothing() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("jobs", 0);
            Task<Void> g1 = getter("G1", q, log);
            Weft.yieldNow();
            q.putNowait("a"); // wakes G1
            q.shutdown(true); // drops 'a' before G1 runs
            g1.join();
            log.add("unfinished " + q.unfinished());
          });
      assertThat(log).containsExactly("G1 QueueShutDownException@0s", "unfinished 0");
    }

    @Test
    @DisplayName(
        "semantics §2.11: dropping items already marked done does not make the count negative")
    void immediateNeverMakesTheCountNegative() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("jobs", 0);
            q.putNowait("a");
            q.putNowait("b");
            q.taskDone();
            q.taskDone(); // both marked done while still in the queue
            q.shutdown(true);
            log.add("unfinished " + q.unfinished() + ", size " + q.size());
            log.add("taskDone: " + kind(catchThrowable(q::taskDone)));
          });
      assertThat(log).containsExactly("unfinished 0, size 0", "taskDone: IllegalStateException");
    }
  }
}
