package dev.weft;

import static dev.weft.ProducerConsumer.DONE;
import static dev.weft.TestPrograms.kind;
import static dev.weft.TestPrograms.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.ProducerConsumer.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The producer-consumer acceptance tests PC-1 to PC-10 of semantics §4: the 2-producer / 3-consumer
 * / sentinel program (semantics §4.2) and the asyncio docs' worker example (semantics §4.1), each
 * asserting what the spec's traces say: which items were processed, what stayed in the queue,
 * virtual times, and where the run deadlocks.
 */
class ProducerConsumerTests {
  /** Every task must have ended by the time main returns, unless a test says otherwise. */
  private static final RunOptions STRICT = RunOptions.defaults().failOnLeftoverTasks(true);

  private static final List<String> ALL_ITEMS = List.of("A0", "A1", "A2", "B0", "B1");

  @Nested
  @DisplayName("semantics §4.2, the correct program")
  class Correct {
    @ParameterizedTest(name = "maxsize {0}")
    @ValueSource(ints = {0, 1, 2})
    @DisplayName("PC-1: zero latency: all 5 items processed at t=0, nothing left pending")
    void allItemsAtTimeZero(int maxsize) {
      ProducerConsumer program = new ProducerConsumer(Variant.CORRECT, maxsize);

      Duration end = Weft.run(STRICT, () -> endTime(program));

      assertThat(program.processed).containsExactlyInAnyOrderElementsOf(ALL_ITEMS);
      assertThat(end).isZero();
      assertThat(program.queue.snapshot()).isEmpty();
    }

    @Test
    @DisplayName("PC-1: maxsize 0: C0 takes every item in one step, since get never suspends")
    void unboundedQueueNeedsNoRoundRobin() {
      ProducerConsumer program = new ProducerConsumer(Variant.CORRECT, 0);

      Weft.run(STRICT, program::main);

      assertThat(program.processed).containsExactly("A0", "A1", "A2", "B0", "B1");
    }

    @ParameterizedTest(name = "maxsize {0}")
    @ValueSource(ints = {0, 1, 2})
    @DisplayName("PC-2: produce 0.1s, consume 0.15s: all processed, main ends at t=0.45")
    void withLatencies(int maxsize) {
      ProducerConsumer program =
          new ProducerConsumer(Variant.CORRECT, maxsize, 3, 2, ms(100), ms(150));

      Duration end = Weft.run(STRICT, () -> endTime(program));

      assertThat(program.processed).containsExactlyInAnyOrderElementsOf(ALL_ITEMS);
      assertThat(end).isEqualTo(ms(450));
    }
  }

  @Nested
  @DisplayName(
      "semantics §4.2, BUG-1: sentinels queued before the producers are awaited; only consumers awaited")
  class Bug1 {
    @Test
    @DisplayName(
        "PC-3: maxsize 0: nothing processed, all 5 items stay in the queue, no task pending")
    void unbounded() {
      ProducerConsumer program = new ProducerConsumer(Variant.BUG_1, 0);

      Duration end = Weft.run(STRICT, () -> endTime(program));

      assertThat(program.processed).isEmpty();
      assertThat(program.queue.snapshot()).containsExactly("A0", "A1", "A2", "B0", "B1");
      assertThat(end).isZero();
    }

    @Test
    @DisplayName(
        "PC-4: maxsize 1: A0 and B0 processed, A1 left in the queue, A cancelled on A2, B on B1")
    void maxsizeOne() {
      ProducerConsumer program = new ProducerConsumer(Variant.BUG_1, 1);

      Weft.run(program::main);

      assertThat(program.processed).containsExactly("A0", "B0");
      assertThat(program.queue.snapshot()).containsExactly("A1");
      assertThat(program.cancelledPuts).containsExactly("A on A2", "B on B1");
      assertThat(program.producerA.isCancelled()).isTrue();
      assertThat(program.producerB.isCancelled()).isTrue();
    }

    @Test
    @DisplayName("PC-5: maxsize 2: nothing processed, A0 and B0 left, A cancelled on A1, B on B1")
    void maxsizeTwo() {
      ProducerConsumer program = new ProducerConsumer(Variant.BUG_1, 2);

      Weft.run(program::main);

      assertThat(program.processed).isEmpty();
      assertThat(program.queue.snapshot()).containsExactly("A0", "B0");
      assertThat(program.cancelledPuts).containsExactly("A on A1", "B on B1");
    }

    @Test
    @DisplayName("PC-4: a strict run names the producers left blocked in put when main returns")
    void strictRunReportsTheLeftoverProducers() {
      ProducerConsumer program = new ProducerConsumer(Variant.BUG_1, 1);

      assertThatThrownBy(() -> Weft.run(STRICT, program::main))
          .isInstanceOf(LeftoverTasksException.class)
          .hasMessageContaining("A  blocked in put on queue 'items' (full, 1/1)")
          .hasMessageContaining("B  blocked in put on queue 'items' (full, 1/1)");
    }

    @Test
    @DisplayName(
        "semantics §4.2: with produce latency 0.1s the consumers exit at t=0 and nothing is enqueued")
    void withProduceLatencyNothingIsEnqueued() {
      ProducerConsumer program =
          new ProducerConsumer(Variant.BUG_1, 0, 3, 2, ms(100), Duration.ZERO);

      Duration end = Weft.run(() -> endTime(program));

      assertThat(end).isZero();
      assertThat(program.processed).isEmpty();
      assertThat(program.queue.snapshot()).isEmpty();
      assertThat(program.producerA.isCancelled()).isTrue();
      assertThat(program.producerB.isCancelled()).isTrue();
    }
  }

  @Nested
  @DisplayName(
      "semantics §4.2, BUG-2: sentinels queued first, then producers and consumers awaited")
  class Bug2 {
    @Test
    @DisplayName("PC-6: maxsize 0: same as PC-3, and no deadlock")
    void unbounded() {
      ProducerConsumer program = new ProducerConsumer(Variant.BUG_2, 0);

      Duration end = Weft.run(STRICT, () -> endTime(program));

      assertThat(program.processed).isEmpty();
      assertThat(program.queue.snapshot()).containsExactly("A0", "A1", "A2", "B0", "B1");
      assertThat(end).isZero();
    }

    @Test
    @DisplayName(
        "semantics §4.2: maxsize 0 with produce latency 0.1s: producers finish, main returns at t=0.3")
    void unboundedWithProduceLatency() {
      ProducerConsumer program =
          new ProducerConsumer(Variant.BUG_2, 0, 3, 2, ms(100), Duration.ZERO);

      Duration end = Weft.run(STRICT, () -> endTime(program));

      assertThat(end).isEqualTo(ms(300));
      assertThat(program.processed).isEmpty();
      assertThat(program.queue.snapshot()).containsExactly("A0", "B0", "A1", "B1", "A2");
    }

    @ParameterizedTest(name = "maxsize {0}")
    @ValueSource(ints = {1, 2})
    @DisplayName(
        "PC-7: zero latency: deadlock at t=0, both producers blocked in put, consumers gone")
    void deadlockAtTimeZero(int maxsize) {
      ProducerConsumer program = new ProducerConsumer(Variant.BUG_2, maxsize);

      assertThatThrownBy(() -> Weft.run(program::main))
          .isInstanceOf(DeadlockException.class)
          .hasMessage(deadlockReport("0s", maxsize));
    }

    @ParameterizedTest(name = "maxsize {0}")
    @ValueSource(ints = {1, 2})
    @DisplayName("PC-7: produce latency 0.1s: deadlock at t=0.2")
    void deadlockWithProduceLatency(int maxsize) {
      ProducerConsumer program =
          new ProducerConsumer(Variant.BUG_2, maxsize, 3, 2, ms(100), Duration.ZERO);

      assertThatThrownBy(() -> Weft.run(program::main))
          .isInstanceOf(DeadlockException.class)
          .hasMessage(deadlockReport("0.2s", maxsize));
    }

    @Test
    @DisplayName("PC-7: maxsize 1: the deadlock leaves A0 and B0 processed and A1 in the queue")
    void deadlockLeavesTheQueueAsTraced() {
      ProducerConsumer program = new ProducerConsumer(Variant.BUG_2, 1);

      assertThatThrownBy(() -> Weft.run(program::main)).isInstanceOf(DeadlockException.class);

      assertThat(program.processed).containsExactly("A0", "B0");
      assertThat(program.queue.snapshot()).containsExactly("A1");
    }

    private String deadlockReport(String time, int maxsize) {
      String full = "full, " + maxsize + "/" + maxsize;
      return "Deadlock at virtual time "
          + time
          + ": no task can run and no timer is pending, but main has not returned.\n"
          + "Blocked tasks (3), in creation order:\n"
          + "  main  blocked in gather(A, B, C0, C1, C2), waiting for A\n"
          + "  A     blocked in put on queue 'items' ("
          + full
          + ")\n"
          + "  B     blocked in put on queue 'items' ("
          + full
          + ")\n"
          + "Tasks already ended (3): C0, C1, C2.\n"
          + "Each waits for something that only another blocked task could provide.\n"
          + "The run is deterministic: running it again with the same options reproduces it exactly.";
    }
  }

  @Nested
  @DisplayName("semantics §4.1, the asyncio docs' workers: 7 jobs, 3 workers, join, then cancel")
  class DocsWorkers {
    private final List<Long> jobs = List.of(500L, 200L, 900L, 100L, 300L, 700L, 400L);
    private final Map<String, List<Long>> handled = new LinkedHashMap<>();

    /** The docs' main; returns the time join() returned, then the workers' outcomes. */
    private List<Object> program(boolean markDone) {
      Queue<Long> queue = new Queue<>("jobs", 0);
      for (long job : jobs) {
        queue.putNowait(job);
      }
      List<Task<Void>> workers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String name = "worker-" + i;
        handled.put(name, new ArrayList<>());
        workers.add(
            Weft.spawn(
                name,
                () -> {
                  while (true) {
                    long job = queue.get();
                    handled.get(name).add(job);
                    Weft.sleep(ms(job));
                    if (markDone) {
                      queue.taskDone();
                    }
                  }
                }));
      }
      queue.join();
      Duration joinedAt = Weft.elapsed();
      for (Task<Void> worker : workers) {
        worker.cancel();
      }
      List<Object> result = new ArrayList<>();
      result.add(joinedAt);
      for (Outcome<Void> outcome : Weft.gatherSettled(workers)) {
        result.add(
            outcome instanceof Outcome.Failure<Void> failure ? kind(failure.exception()) : outcome);
      }
      return result;
    }

    @Test
    @DisplayName("PC-9: join returns at t=1.2; greedy list scheduling; 3 x Cancelled")
    void joinAtOnePointTwo() {
      List<Object> result = Weft.run(STRICT, () -> program(true));

      assertThat(result)
          .containsExactly(
              ms(1200), "CancelledException", "CancelledException", "CancelledException");
      assertThat(handled)
          .containsExactly(
              Map.entry("worker-0", List.of(500L, 700L)),
              Map.entry("worker-1", List.of(200L, 100L, 300L, 400L)),
              Map.entry("worker-2", List.of(900L)));
    }

    @Test
    @DisplayName("PC-10: without taskDone, join never returns: deadlock at t=1.2")
    void forgettingTaskDoneDeadlocks() {
      assertThatThrownBy(() -> Weft.run(() -> program(false)))
          .isInstanceOf(DeadlockException.class)
          .hasMessage(
              "Deadlock at virtual time 1.2s: no task can run and no timer is pending, but main has"
                  + " not returned.\n"
                  + "Blocked tasks (4), in creation order:\n"
                  + "  main      blocked in join on queue 'jobs' (7 puts not yet marked taskDone,"
                  + " 0 items in the queue)\n"
                  + "  worker-0  blocked in get on queue 'jobs' (empty)\n"
                  + "  worker-1  blocked in get on queue 'jobs' (empty)\n"
                  + "  worker-2  blocked in get on queue 'jobs' (empty)\n"
                  + "Each waits for something that only another blocked task could provide.\n"
                  + "The run is deterministic: running it again with the same options reproduces"
                  + " it exactly.");
    }
  }

  @Test
  @DisplayName(
      "PC-8: seeded random programs: an item is processed iff it was queued before the last"
          + " sentinel; BUG-2 deadlocks iff maxsize > 0 and more than maxsize items are lost")
  void invariantOverRandomPrograms() {
    Random random = new Random(20_261_121L);
    List<Duration> latencies = List.of(Duration.ZERO, ms(100), ms(200), ms(300));
    Map<String, Integer> deadlocks = new LinkedHashMap<>();
    for (int run = 0; run < 150; run++) {
      Variant variant = Variant.values()[random.nextInt(3)];
      int maxsize = random.nextInt(4);
      ProducerConsumer program =
          new ProducerConsumer(
              variant,
              maxsize,
              1 + random.nextInt(6),
              1 + random.nextInt(6),
              latencies.get(random.nextInt(4)),
              latencies.get(random.nextInt(4)));
      String label = variant + " maxsize " + maxsize + " run " + run;

      boolean deadlocked = false;
      try {
        Weft.run(program::main);
      } catch (DeadlockException e) {
        deadlocked = true;
      }

      List<String> beforeLastSentinel = beforeLastSentinel(program.enqueued);
      assertThat(program.processed)
          .as(label)
          .containsExactlyInAnyOrderElementsOf(beforeLastSentinel);
      int lost = program.countA + program.countB - program.processed.size();
      if (variant == Variant.CORRECT) {
        assertThat(lost).as(label).isZero();
      }
      boolean expectDeadlock = variant == Variant.BUG_2 && maxsize > 0 && lost > maxsize;
      assertThat(deadlocked).as(label + ", lost " + lost).isEqualTo(expectDeadlock);
      deadlocks.merge(variant + (deadlocked ? " deadlocked" : " returned"), 1, Integer::sum);
    }
    // The seed must exercise every outcome, or the invariant above was checked on too little.
    assertThat(deadlocks)
        .containsKeys("CORRECT returned", "BUG_1 returned", "BUG_2 returned", "BUG_2 deadlocked");
  }

  private static List<String> beforeLastSentinel(List<String> enqueued) {
    int last = enqueued.lastIndexOf(DONE);
    List<String> items = new ArrayList<>();
    for (String item : enqueued.subList(0, last)) {
      if (!item.equals(DONE)) {
        items.add(item);
      }
    }
    return items;
  }

  private static Duration endTime(ProducerConsumer program) {
    program.main();
    return Weft.elapsed();
  }
}
