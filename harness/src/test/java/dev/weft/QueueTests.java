package dev.weft;

import static dev.weft.TestPrograms.at;
import static dev.weft.TestPrograms.secs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.11: what {@link Queue} does with one task at a time: when put and get suspend, the
 * non-waiting forms, and the taskDone/join counter. Fairness and cancellation are in {@link
 * QueueFairnessTests}, shutdown in {@link QueueShutdownTests}.
 */
@DisplayName("Queue: put, get, putNowait, getNowait, taskDone and join (semantics §2.11)")
class QueueTests {

  @Nested
  @DisplayName("capacity: when put and get suspend")
  class Capacity {

    @Test
    @DisplayName(
        "semantics §2.11: maxsize 0 is unbounded: isFull() is never true and put never suspends")
    void maxsizeZeroIsUnbounded() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<Integer> zero = new Queue<>(0);
            Queue<Integer> plain = new Queue<>();
            Weft.spawn("probe", () -> log.add("probe ran"));
            log.add("empty: full " + zero.isFull() + "/" + plain.isFull());
            for (int i = 0; i < 10_000; i++) {
              zero.put(i);
              plain.putNowait(i);
              if (zero.isFull() || plain.isFull()) {
                log.add("full at " + i);
              }
            }
            log.add(
                "sizes "
                    + zero.size()
                    + "/"
                    + plain.size()
                    + ", maxsize "
                    + zero.maxsize()
                    + "/"
                    + plain.maxsize());
            Weft.yieldNow();
          });
      // 10,000 puts and not one suspended: the probe runs only at main's yield.
      assertThat(log)
          .containsExactly(
              "empty: full false/false", "sizes 10000/10000, maxsize 0/0", "probe ran");
    }

    @Test
    @DisplayName(
        "semantics §1.2, 2.11: put suspends only when the queue is full; before that no one else runs")
    void putSuspendsOnlyWhenFull() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 2);
            Weft.spawn(
                "consumer",
                () -> {
                  log.add("consumer sees " + q.snapshot());
                  log.add("consumer got " + q.get());
                });
            q.put("a");
            log.add("put a");
            q.put("b");
            log.add("put b");
            q.put("c"); // full: main waits, the consumer runs and frees a slot
            log.add("put c, queue " + q.snapshot());
          });
      assertThat(log)
          .containsExactly(
              "put a", "put b", "consumer sees [a, b]", "consumer got a", "put c, queue [b, c]");
    }

    @Test
    @DisplayName("semantics §1.2, 2.11: get suspends only when the queue is empty")
    void getSuspendsOnlyWhenEmpty() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 0);
            q.putNowait("a");
            Weft.spawn(
                "producer",
                () -> {
                  log.add("producer runs, queue " + q.snapshot());
                  q.put("b");
                });
            log.add("got " + q.get()); // not empty: no suspension, the producer has not run
            log.add("got " + q.get()); // empty: main waits for the producer
          });
      assertThat(log).containsExactly("got a", "producer runs, queue []", "got b");
    }
  }

  @Nested
  @DisplayName("putNowait and getNowait never wait")
  class NoWait {

    @Test
    @DisplayName(
        "semantics §2.11: putNowait on a full queue throws QueueFullException naming the queue")
    void putNowaitOnAFullQueueThrows() {
      Queue<String> q = new Queue<>("items", 2);
      Throwable thrown =
          Weft.run(
              () -> {
                q.putNowait("a");
                q.putNowait("b");
                return catchThrowable(() -> q.putNowait("c"));
              });
      assertThat(thrown)
          .isInstanceOf(QueueFullException.class)
          .hasMessageContaining("putNowait() on queue 'items'")
          .hasMessageContaining("the queue is full (2/2)");
      assertThat(q.snapshot()).containsExactly("a", "b");
      assertThat(q.unfinished()).isEqualTo(2);
    }

    @Test
    @DisplayName(
        "semantics §2.11: getNowait on an empty queue throws QueueEmptyException naming the queue")
    void getNowaitOnAnEmptyQueueThrows() {
      List<Throwable> thrown = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> named = new Queue<>("items", 2);
            Queue<String> unnamed = new Queue<>();
            thrown.add(catchThrowable(named::getNowait));
            named.putNowait("a");
            named.getNowait();
            thrown.add(catchThrowable(named::getNowait)); // empty again
            thrown.add(catchThrowable(unnamed::getNowait));
          });
      assertThat(thrown)
          .hasSize(3)
          .allSatisfy(e -> assertThat(e).isInstanceOf(QueueEmptyException.class));
      assertThat(thrown.get(0))
          .hasMessageContaining("getNowait() on queue 'items': the queue is empty");
      assertThat(thrown.get(1))
          .hasMessageContaining("getNowait() on queue 'items': the queue is empty");
      assertThat(thrown.get(2)).hasMessageContaining("getNowait() on queue #1: the queue is empty");
    }
  }

  @Nested
  @DisplayName("taskDone and join")
  class TaskDoneAndJoin {

    @Test
    @DisplayName(
        "semantics §2.11: join returns at once, without suspending, when nothing is unfinished")
    void joinReturnsAtOnceWhenNothingIsUnfinished() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 0);
            Weft.spawn("probe", () -> log.add("probe ran"));
            q.join();
            log.add("joined a fresh queue");
            q.putNowait("a");
            q.getNowait();
            q.taskDone();
            q.join();
            log.add("joined after taskDone");
            Weft.yieldNow();
          });
      assertThat(log).containsExactly("joined a fresh queue", "joined after taskDone", "probe ran");
    }

    @Test
    @DisplayName(
        "semantics §2.11: the counter counts puts, not gets: taking every item does not release join")
    void getAloneDoesNotReleaseJoin() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> q = new Queue<>("q", 0);
            q.putNowait("a");
            q.putNowait("b");
            Task<Void> joiner =
                Weft.spawn(
                    "joiner",
                    () -> {
                      q.join();
                      log.add("joined" + at());
                    });
            q.getNowait();
            q.getNowait();
            log.add("queue empty " + q.isEmpty() + ", unfinished " + q.unfinished());
            Weft.sleep(secs(1));
            q.taskDone();
            log.add("taskDone" + at() + ", unfinished " + q.unfinished());
            Weft.sleep(secs(1));
            q.taskDone();
            log.add("taskDone" + at() + ", unfinished " + q.unfinished());
            joiner.join();
          });
      assertThat(log)
          .containsExactly(
              "queue empty true, unfinished 2",
              "taskDone@1s, unfinished 1",
              "taskDone@2s, unfinished 0",
              "joined@2s");
    }

    @Test
    @DisplayName("semantics §2.11: join waits until the last taskDone")
    void joinWaitsForTheLastTaskDone() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Queue<String> jobs = new Queue<>("jobs", 0);
            for (String job : List.of("a", "b", "c")) {
              jobs.putNowait(job);
            }
            Weft.spawn(
                "worker",
                () -> {
                  for (int i = 0; i < 3; i++) {
                    String job = jobs.get();
                    Weft.sleep(secs(1));
                    log.add("worker done " + job + at());
                    jobs.taskDone();
                  }
                });
            jobs.join();
            log.add("joined" + at() + ", unfinished " + jobs.unfinished());
          });
      assertThat(log)
          .containsExactly(
              "worker done a@1s",
              "worker done b@2s",
              "worker done c@3s",
              "joined@3s, unfinished 0");
    }

    @Test
    @DisplayName(
        "semantics §2.11: taskDone called more often than items were put throws IllegalStateException")
    void taskDoneTooOftenThrows() {
      List<Throwable> thrown = new ArrayList<>();
      Queue<String> jobs = new Queue<>("jobs", 0);
      Weft.run(
          () -> {
            thrown.add(catchThrowable(jobs::taskDone)); // nothing was ever put
            jobs.putNowait("a");
            jobs.getNowait();
            jobs.taskDone();
            thrown.add(catchThrowable(jobs::taskDone)); // one put, second taskDone
          });
      assertThat(thrown)
          .hasSize(2)
          .allSatisfy(
              e ->
                  assertThat(e)
                      .isInstanceOf(IllegalStateException.class)
                      .hasMessageContaining("taskDone() on queue 'jobs'")
                      .hasMessageContaining("called more times than items were put"));
      assertThat(jobs.unfinished()).isZero();
    }
  }
}
