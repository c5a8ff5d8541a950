package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.DeadlockException;
import dev.weft.Preemption;
import dev.weft.RunEvent;
import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.Strategy;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import dev.weft.explore.Counterexample;
import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import dev.weft.junit.ProducerConsumer.Result;
import dev.weft.junit.ProducerConsumer.Shutdown;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The public fixture {@link ProducerConsumer}: its configuration, its plain runs in asyncio's order
 * (semantics §4.2), and what the explorer finds in each shutdown style, called through {@code
 * Weft.run} and {@code Explorer} directly rather than through the annotations.
 */
class ProducerConsumerFixtureTests {
  /** seed() with 3 items each: what every correct style gives in asyncio's order. */
  private static final List<String> THREE_EACH =
      List.of("P0-0", "P0-1", "P0-2", "P1-0", "P1-1", "P1-2");

  /** Semantics §4.2 at scale: 2 producers of 1 or 2 items, 2 consumers, a queue of capacity 1. */
  private static final ProducerConsumer SMALL =
      ProducerConsumer.seed().items(1, 2).consumers(2).capacity(1);

  private static final String SEED_DEADLOCK =
      "Deadlock at virtual time 0s: no task can run and no timer is pending, but main has not"
          + " returned.\n"
          + "Blocked tasks (3), in creation order:\n"
          + "  main  blocked in gather(P0, P1, C0, C1, C2), waiting for P0\n"
          + "  P0    blocked in put on queue 'items' (full, 2/2)\n"
          + "  P1    blocked in put on queue 'items' (full, 2/2)\n"
          + "Tasks already ended (3): C0, C1, C2.\n"
          + "Each waits for something that only another blocked task could provide.\n"
          + "The run is deterministic: running it again with the same options reproduces it"
          + " exactly.";

  /** A scenario that fails when {@code program} loses an item (a deadlock fails it too). */
  private static ThrowingRunnable nothingLost(ProducerConsumer program) {
    return () -> {
      Result result = program.run();
      if (!result.lost().isEmpty()) {
        throw new AssertionError("lost " + result.lost() + ": " + result);
      }
    };
  }

  /** An explorer with the strictness of {@code @Explore}: a task left pending fails the try. */
  private static Explorer strict(ThrowingRunnable scenario) {
    Explorer explorer = Explorer.explore(scenario);
    return explorer.options(explorer.options().failOnLeftoverTasks(true));
  }

  private static Result replay(String schedule, ProducerConsumer program) {
    return Weft.run(RunOptions.defaults().replay(Schedule.parse(schedule)), program::run);
  }

  @Nested
  @DisplayName("configuration: an immutable value that says itself in words")
  class Configuration {
    @Test
    @DisplayName("seed(): 2 producers of 3 to 7 items, 3 consumers, capacity 2, AWAIT_PRODUCERS")
    void seedIsTheDocumentedProgram() {
      ProducerConsumer seed = ProducerConsumer.seed();

      assertThat(seed.producers()).isEqualTo(2);
      assertThat(seed.minItems()).isEqualTo(3);
      assertThat(seed.maxItems()).isEqualTo(7);
      assertThat(seed.consumers()).isEqualTo(3);
      assertThat(seed.capacity()).isEqualTo(2);
      assertThat(seed.shutdown()).isEqualTo(Shutdown.AWAIT_PRODUCERS);
      assertThat(seed)
          .hasToString(
              "ProducerConsumer: 2 producers of 3 to 7 items each, 3 consumers, a queue of"
                  + " capacity 2, shutdown AWAIT_PRODUCERS");
    }

    @Test
    @DisplayName("each setter returns a new value with one setting changed, leaving the original")
    void settersReturnNewValues() {
      ProducerConsumer seed = ProducerConsumer.seed();

      ProducerConsumer changed =
          seed.producers(4).items(0, 2).consumers(1).capacity(0).shutdown(Shutdown.QUEUE_SHUTDOWN);

      assertThat(List.of(changed.producers(), changed.minItems(), changed.maxItems()))
          .containsExactly(4, 0, 2);
      assertThat(List.of(changed.consumers(), changed.capacity())).containsExactly(1, 0);
      assertThat(changed.shutdown()).isEqualTo(Shutdown.QUEUE_SHUTDOWN);
      assertThat(seed).isEqualTo(ProducerConsumer.seed()).isNotSameAs(seed.producers(2));
      assertThat(seed.producers()).isEqualTo(2);
      assertThat(seed.shutdown()).isEqualTo(Shutdown.AWAIT_PRODUCERS);
    }

    @Test
    @DisplayName("toString: one producer, one item, one consumer, an unbounded queue")
    void toStringInTheSingular() {
      ProducerConsumer program =
          ProducerConsumer.seed()
              .producers(1)
              .items(1, 1)
              .consumers(1)
              .capacity(0)
              .shutdown(Shutdown.JOIN_THEN_CANCEL);

      assertThat(program)
          .hasToString(
              "ProducerConsumer: 1 producer of 1 item, 1 consumer, an unbounded queue, shutdown"
                  + " JOIN_THEN_CANCEL");
      assertThat(ProducerConsumer.seed().items(0, 0).producers(3))
          .hasToString(
              "ProducerConsumer: 3 producers of 0 items each, 3 consumers, a queue of capacity 2,"
                  + " shutdown AWAIT_PRODUCERS");
    }

    @Test
    @DisplayName("equal exactly when every setting is, with equal hash codes")
    void equalsAndHashCode() {
      ProducerConsumer seed = ProducerConsumer.seed();
      ProducerConsumer same =
          seed.producers(5).producers(2).items(1, 1).items(3, 7).capacity(2).consumers(3);

      assertThat(same).isEqualTo(seed).hasSameHashCodeAs(seed);
      assertThat(
              List.of(
                  seed.producers(3),
                  seed.items(4, 7),
                  seed.items(3, 6),
                  seed.consumers(2),
                  seed.capacity(3),
                  seed.shutdown(Shutdown.SKIP_PRODUCER_AWAIT)))
          .allSatisfy(other -> assertThat(other).isNotEqualTo(seed))
          .doesNotHaveDuplicates();
      assertThat(seed).isNotEqualTo(null).isNotEqualTo(seed.toString());
    }

    @Test
    @DisplayName("bad arguments: IllegalArgumentException naming the argument and the value")
    void badArguments() {
      ProducerConsumer seed = ProducerConsumer.seed();

      assertThatThrownBy(() -> seed.producers(0))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("producers must be 1 or more, but was 0");
      assertThatThrownBy(() -> seed.consumers(0))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("consumers must be 1 or more, but was 0");
      assertThatThrownBy(() -> seed.items(5, 3))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("max must be min (5) or more, but was 3");
      assertThatThrownBy(() -> seed.items(-1, 2))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("min must be 0 or more, but was -1");
      assertThatThrownBy(() -> seed.capacity(-1))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("capacity must be 0 (unbounded) or more, but was -1");
      assertThatThrownBy(() -> seed.shutdown(null))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("shutdown must not be null");
      assertThatThrownBy(() -> seed.items(0, Integer.MAX_VALUE))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "max must be less than min + 2147483647 (Weft.choose draws from at most that many"
                  + " values), but was 2147483647 with min 0");
      assertThat(seed.items(1, Integer.MAX_VALUE).maxItems()).isEqualTo(Integer.MAX_VALUE);
    }
  }

  @Nested
  @DisplayName("one run in asyncio's order (semantics §4.2)")
  class PlainRuns {
    @Test
    @DisplayName("seed(): choose gives 0, so 3 items each, all consumed in production order")
    void seedUnderFifo() {
      Result result = Weft.run(() -> ProducerConsumer.seed().run());

      assertThat(result.produced()).containsExactlyElementsOf(THREE_EACH);
      assertThat(result.consumed()).containsExactlyElementsOf(THREE_EACH);
      assertThat(result.lost()).isEmpty();
      assertThat(result)
          .hasToString(
              "produced [P0-0, P0-1, P0-2, P1-0, P1-1, P1-2], consumed [P0-0, P0-1, P0-2, P1-0,"
                  + " P1-1, P1-2], lost []");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"AWAIT_PRODUCERS", "JOIN_THEN_CANCEL", "QUEUE_SHUTDOWN"})
    @DisplayName("each correct style, on a queue of capacity 0, 1 and 2: every item consumed")
    void correctStylesUnderFifo(Shutdown style) {
      // Capacity 1: P0 puts P0-0 and waits with P0-1; C0 takes P0-0 and wakes P0, which puts
      // P0-1 and waits with P0-2 behind P1 in the line of putters; so P1-0 comes before P0-2.
      List<String> alternating = List.of("P0-0", "P0-1", "P1-0", "P0-2", "P1-1", "P1-2");
      for (int capacity = 0; capacity <= 2; capacity++) {
        ProducerConsumer program = ProducerConsumer.seed().shutdown(style).capacity(capacity);
        List<String> expected = capacity == 1 ? alternating : THREE_EACH;

        Result result = Weft.run(RunOptions.defaults().failOnLeftoverTasks(true), program::run);

        assertThat(result.produced()).as(program.toString()).containsExactlyElementsOf(expected);
        assertThat(result.consumed()).as(program.toString()).containsExactlyElementsOf(expected);
        assertThat(result.lost()).as(program.toString()).isEmpty();
      }
    }

    @Test
    @DisplayName("SKIP_PRODUCER_AWAIT, unbounded queue: no deadlock, every item lost (PC-6)")
    void bugWithAnUnboundedQueueLosesEverything() {
      ProducerConsumer bug =
          ProducerConsumer.seed().shutdown(Shutdown.SKIP_PRODUCER_AWAIT).capacity(0);

      Result result = Weft.run(RunOptions.defaults().failOnLeftoverTasks(true), bug::run);

      assertThat(result.produced()).containsExactlyElementsOf(THREE_EACH);
      assertThat(result.consumed()).isEmpty();
      assertThat(result.lost()).containsExactlyElementsOf(THREE_EACH);
    }

    @Test
    @DisplayName("SKIP_PRODUCER_AWAIT in asyncio's order: the deadlock of semantics §4.2, PC-7")
    void bugDeadlocksUnderFifo() {
      ProducerConsumer bug = ProducerConsumer.seed().shutdown(Shutdown.SKIP_PRODUCER_AWAIT);

      assertThatThrownBy(() -> Weft.run(bug::run))
          .isExactlyInstanceOf(DeadlockException.class)
          .hasMessage(SEED_DEADLOCK);
    }

    @Test
    @DisplayName("the counts come from the schedule: replaying \"d4 d2\" makes 7 and 5 items")
    void countsComeFromChoose() {
      Result result = replay("d4 d2", ProducerConsumer.seed());

      assertThat(result.produced())
          .containsExactly(
              "P0-0", "P0-1", "P0-2", "P0-3", "P0-4", "P0-5", "P0-6", "P1-0", "P1-1", "P1-2",
              "P1-3", "P1-4");
      assertThat(result.consumed()).isEqualTo(result.produced());
      assertThat(result.lost()).isEmpty();
    }

    @Test
    @DisplayName("one data choice per producer, in producer order, and none when min == max")
    void oneChoicePerProducer() {
      List<String> drawn = new ArrayList<>();
      RunOptions options =
          RunOptions.defaults()
              .listener(
                  event -> {
                    if (event.kind() == RunEvent.Kind.CHOSE) {
                      drawn.add(event.task() + ": " + event.detail().text());
                    }
                  });

      Weft.run(options, () -> ProducerConsumer.seed().producers(3).run());
      List<String> seedChoices = List.copyOf(drawn);
      drawn.clear();
      Weft.run(options, () -> ProducerConsumer.seed().items(3, 3).run());

      assertThat(seedChoices)
          .containsExactly(
              "main: choose(5) returned 0",
              "main: choose(5) returned 0",
              "main: choose(5) returned 0");
      assertThat(drawn).isEmpty();
    }

    @Test
    @DisplayName("the stop signal shows as DONE in traces, and each consumer takes one")
    void stopSignalReadsDone() {
      List<String> operations = new ArrayList<>();
      RunOptions options =
          RunOptions.defaults()
              .listener(
                  event -> {
                    if (event.detail() instanceof RunEvent.Operation operation
                        && operation.name().equals("queue 'items'")) {
                      operations.add(
                          event.task() + " " + operation.verb() + " " + operation.item());
                    }
                  });

      Weft.run(options, () -> ProducerConsumer.seed().items(1, 1).capacity(0).run());

      // An unbounded queue: no put waits, and C0 takes both items before its stop signal.
      assertThat(operations)
          .containsExactly(
              "P0 put P0-0",
              "P1 put P1-0",
              "C0 got P0-0",
              "C0 got P1-0",
              "main put DONE",
              "main put DONE",
              "main put DONE",
              "C0 got DONE",
              "C1 got DONE",
              "C2 got DONE");
    }

    @Test
    @DisplayName("a result's lists are unmodifiable, and equal runs give equal results")
    void resultsAreUnmodifiableValues() {
      Result result = Weft.run(() -> ProducerConsumer.seed().run());
      Result again = Weft.run(() -> ProducerConsumer.seed().run());

      assertThatThrownBy(() -> result.produced().add("x"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> result.consumed().clear())
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> result.lost().add("x"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(again).isEqualTo(result).hasSameHashCodeAs(result);
    }
  }

  @Nested
  @DisplayName("run() needs a task of a Weft run")
  class Misuse {
    @Test
    @DisplayName("outside any run: IllegalStateException naming ProducerConsumer.run()")
    void outsideARun() {
      Throwable thrown = catchThrowable(() -> ProducerConsumer.seed().run());

      assertThat(thrown)
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage(
              "ProducerConsumer.run() needs a running Weft loop, but none is running on thread '"
                  + Thread.currentThread().getName()
                  + "'. Call it from a @WeftTest or @Explore method, or from the code given to"
                  + " Weft.run(() -> ...).");
      assertThat(thrown.getCause())
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Weft.elapsed needs a running Weft loop");
    }

    @Test
    @DisplayName("from a callback: IllegalStateException saying it needs a task")
    void fromACallback() {
      Throwable thrown =
          Weft.run(
              () -> {
                Throwable[] caught = new Throwable[1];
                Weft.callSoon(() -> caught[0] = catchThrowable(ProducerConsumer.seed()::run));
                Weft.yieldNow();
                return caught[0];
              });

      assertThat(thrown)
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage(
              "ProducerConsumer.run() must be called from a task, but it was called from a"
                  + " callback (callSoon/callLater), which runs outside any task and cannot wait"
                  + " for the tasks it spawns. Call it from the run's main or from a task it"
                  + " spawns.");
      assertThat(thrown.getCause())
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Weft.current must be called from a task");
    }
  }

  @Nested
  @DisplayName("AWAIT_PRODUCERS across schedules: correct")
  class AwaitProducers {
    @Test
    @DisplayName("500 random tries lose nothing, and they covered all 25 pairs of counts")
    void randomTriesLoseNothing() {
      Set<List<Integer>> counts = new LinkedHashSet<>();
      ExplorationResult result =
          strict(
                  () -> {
                    Result run = ProducerConsumer.seed().run();
                    counts.add(
                        List.of(itemsOf("P0", run.produced()), itemsOf("P1", run.produced())));
                    if (!run.lost().isEmpty()) {
                      throw new AssertionError("lost " + run.lost() + ": " + run);
                    }
                  })
              .tries(500)
              .run();

      assertThat(result.counterexample()).isEmpty();
      assertThat(result.tries()).isEqualTo(500);
      assertThat(counts).hasSize(25);
    }

    @Test
    @DisplayName("exhaustive(8) on 2 x 1..2 items, 2 consumers, capacity 1: all 1,552 schedules")
    void exhaustiveSearchExhaustsTheSmallProgram() {
      ThrowingRunnable scenario = nothingLost(SMALL);

      ExplorationResult bounded =
          strict(scenario).strategy(Strategy.exhaustive(8)).tries(100_000).run();
      ExplorationResult unbounded =
          strict(scenario).strategy(Strategy.exhaustive(50)).tries(100_000).run();

      assertThat(bounded.exhausted()).isTrue();
      assertThat(bounded.counterexample()).isEmpty();
      assertThat(bounded.tries()).isEqualTo(1_552);
      // no schedule of this program departs from asyncio's order more than 8 times: a larger
      // bound finds no more, so exhaustive(8) saw every cooperative schedule and count
      assertThat(unbounded.tries()).isEqualTo(1_552);
      assertThat(strict(scenario).strategy(Strategy.exhaustive(7)).tries(100_000).run().tries())
          .isEqualTo(1_548);
    }

    @Test
    @DisplayName("the same exhaustive search finds SKIP_PRODUCER_AWAIT's bug at once")
    void exhaustiveSearchFindsTheBugInTheSmallProgram() {
      ProducerConsumer bug = SMALL.shutdown(Shutdown.SKIP_PRODUCER_AWAIT);

      ExplorationResult result =
          strict(nothingLost(bug)).strategy(Strategy.exhaustive(8)).tries(100_000).run();

      assertThat(result.exhausted()).isFalse();
      assertThat(result.tries()).isEqualTo(1);
      assertThat(result.counterexample()).isPresent();
      assertThat(result.counterexample().get().failure()).isInstanceOf(DeadlockException.class);
    }
  }

  @Nested
  @DisplayName("SKIP_PRODUCER_AWAIT across schedules: the bug, both ways")
  class SkipProducerAwait {
    private final ProducerConsumer bug =
        ProducerConsumer.seed().shutdown(Shutdown.SKIP_PRODUCER_AWAIT);

    @Test
    @DisplayName("\"nothing lost, no deadlock\" fails at once: asyncio's own order deadlocks")
    void combinedPropertyFindsTheDeadlockFirst() {
      Counterexample found =
          Explorer.explore(nothingLost(bug)).seed(0).run().counterexample().orElseThrow();

      assertThat(found.minimal()).hasToString("");
      assertThat(found.failure()).isExactlyInstanceOf(DeadlockException.class);
    }

    @Test
    @DisplayName("property B, no deadlock: minimal schedule \"\", the deadlock of PC-7")
    void noDeadlockPropertyFindsADeadlock() {
      ExplorationResult result = Explorer.explore(() -> bug.run()).seed(0).run();
      Counterexample found = result.counterexample().orElseThrow();

      assertThat(result.tries()).isEqualTo(1);
      assertThat(found.minimal()).hasToString("");
      assertThat(found.failure())
          .isExactlyInstanceOf(DeadlockException.class)
          .hasMessage(SEED_DEADLOCK);
      assertThatThrownBy(() -> replay("", bug))
          .isExactlyInstanceOf(DeadlockException.class)
          .hasMessage(SEED_DEADLOCK);
    }

    @Test
    @DisplayName("property A, nothing lost (deadlocks discarded): minimal \"_*6 1:P0\"")
    void nothingLostPropertyFindsALoss() {
      ExplorationResult result =
          Explorer.explore(nothingLost(bug))
              .seed(0)
              .discardWhen(e -> e instanceof DeadlockException)
              .run();
      Counterexample found = result.counterexample().orElseThrow();

      // One departure from asyncio's order: after C0 and C1 took two stop signals, P0 (woken
      // second) runs before main and fills the queue with P0-0 and P0-1, so C2 takes the items
      // and main's third stop signal lands before P1-2 and P0-2, which nobody takes.
      assertThat(found.minimal()).hasToString("_*6 1:P0");
      assertThat(found.failure())
          .isExactlyInstanceOf(AssertionError.class)
          .hasMessage(
              "lost [P1-2, P0-2]: produced [P0-0, P0-1, P1-0, P1-1, P1-2, P0-2], consumed [P0-0,"
                  + " P0-1, P1-0, P1-1], lost [P1-2, P0-2]");
      assertThat(result.discarded()).isPositive().isLessThan(result.tries());

      Result replayed = replay("d0*2 0*4 1:P0", bug);
      assertThat(replayed.produced())
          .containsExactly("P0-0", "P0-1", "P1-0", "P1-1", "P1-2", "P0-2");
      assertThat(replayed.consumed()).containsExactly("P0-0", "P0-1", "P1-0", "P1-1");
      assertThat(replayed.lost()).containsExactly("P1-2", "P0-2");
    }

    @Test
    @DisplayName("a run that finishes loses at most the queue's capacity: the lost stay in it")
    void finishedRunsLoseAtMostTheCapacity() {
      List<Integer> lostCounts = new ArrayList<>();
      ExplorationResult result =
          Explorer.explore(
                  () -> {
                    Result run = bug.run();
                    lostCounts.add(run.lost().size());
                    if (run.lost().size() > bug.capacity()) {
                      throw new AssertionError("lost more than the queue holds: " + run);
                    }
                  })
              .seed(0)
              .tries(500)
              .discardWhen(e -> e instanceof DeadlockException)
              .run();

      assertThat(result.counterexample()).isEmpty();
      assertThat(result.discarded()).as("deadlocked tries").isPositive();
      assertThat(lostCounts).as("finished tries").contains(0, 1, 2);
    }
  }

  @Nested
  @DisplayName("the other shutdown styles across schedules: correct")
  class OtherStyles {
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"JOIN_THEN_CANCEL", "QUEUE_SHUTDOWN"})
    @DisplayName("500 random tries of seed() lose nothing and leave no task pending")
    void randomTriesLoseNothing(Shutdown style) {
      ExplorationResult result =
          strict(nothingLost(ProducerConsumer.seed().shutdown(style))).tries(500).run();

      assertThat(result.counterexample()).isEmpty();
      assertThat(result.tries()).isEqualTo(500);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"JOIN_THEN_CANCEL", "QUEUE_SHUTDOWN"})
    @DisplayName("exhaustive(10) on the small program: all 6,208 schedules, none loses an item")
    void exhaustiveSearchFindsNothing(Shutdown style) {
      ExplorationResult result =
          strict(nothingLost(SMALL.shutdown(style)))
              .strategy(Strategy.exhaustive(10))
              .tries(100_000)
              .run();

      assertThat(result.exhausted()).isTrue();
      assertThat(result.counterexample()).isEmpty();
      assertThat(result.tries()).isEqualTo(6_208);
    }

    @ParameterizedTest(name = "{0}: {1} schedules")
    @CsvSource({"AWAIT_PRODUCERS, 335", "JOIN_THEN_CANCEL, 520", "QUEUE_SHUTDOWN, 335"})
    @DisplayName(
        "one consumer, a switch possible at every queue operation: exhaustive(2) finds nothing")
    void preemptiveExhaustiveSearchFindsNothing(Shutdown style, int schedules) {
      // One consumer and room for 2 items: when the consumer is switched out at a get with an item
      // still queued, main shuts down before it is taken. A plain shutdown() leaves that item for
      // the consumer; shutdown(true) would drop it, and this search finds that (cooperative
      // schedules never do: a woken consumer always runs before main's gather returns).
      ProducerConsumer program = SMALL.consumers(1).capacity(2).shutdown(style);

      ExplorationResult result =
          strict(nothingLost(program))
              .preemption(Preemption.EVERY_OPERATION)
              .strategy(Strategy.exhaustive(2))
              .tries(100_000)
              .run();

      assertThat(result.exhausted()).isTrue();
      assertThat(result.counterexample()).isEmpty();
      assertThat(result.tries()).isEqualTo(schedules);
    }
  }

  /** How many of {@code produced} came from {@code producer}. */
  private static int itemsOf(String producer, List<String> produced) {
    return (int) produced.stream().filter(item -> item.startsWith(producer + "-")).count();
  }
}
