package dev.weft.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Event;
import dev.weft.Preemption;
import dev.weft.Queue;
import dev.weft.SharedState;
import dev.weft.Strategy;
import dev.weft.Task;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exhaustive search under {@link SharedState#DECLARED}: steps that touch nothing in common are
 * ordered once, and the search still reaches every outcome the unreduced search reaches.
 */
class DeclaredReductionTests {

  private static ExplorationResult explore(
      ThrowingRunnable scenario, Strategy strategy, Preemption preemption) {
    return Explorer.explore(scenario)
        .strategy(strategy)
        .preemption(preemption)
        .tries(200_000)
        .checkDeterminism(false)
        .run();
  }

  private static Strategy full(int bound) {
    return new ExhaustiveStrategy(bound, false);
  }

  private static Strategy declared(int bound) {
    return Strategy.exhaustive(bound, SharedState.DECLARED);
  }

  /**
   * A program generated from {@code seed}: two to four tasks, each doing one to four operations on
   * two queues, an event and a declared counter, with yields and sleeps between; each task logs
   * what it saw in its own list. The outcome is every task's log and the counter.
   */
  static List<Object> generated(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Queue<Integer> first = new Queue<>("a", 0);
    Queue<Integer> second = new Queue<>("b", 0);
    Event event = new Event("e");
    int[] counter = new int[1];
    int count = 2 + random.nextInt(3);
    List<List<Object>> logs = new ArrayList<>();
    List<Task<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      List<Object> log = new ArrayList<>();
      logs.add(log);
      int[] ops = random.ints(1 + random.nextInt(4), 0, 9).toArray();
      int id = t;
      tasks.add(
          Weft.spawn(
              "t" + t,
              () -> {
                for (int i = 0; i < ops.length; i++) {
                  switch (ops[i]) {
                    case 0:
                      first.putNowait(id * 10 + i);
                      break;
                    case 1:
                      log.add(first.isEmpty() ? "a-" : "a" + take(first));
                      break;
                    case 2:
                      second.putNowait(id * 10 + i);
                      break;
                    case 3:
                      log.add(second.isEmpty() ? "b-" : "b" + take(second));
                      break;
                    case 4:
                      event.set();
                      break;
                    case 5:
                      log.add(event.isSet());
                      break;
                    case 6:
                      Weft.touch("counter");
                      int seen = counter[0];
                      Weft.yieldNow();
                      Weft.touch("counter");
                      counter[0] = seen + 1;
                      break;
                    case 7:
                      Weft.sleep(Duration.ofMillis(10));
                      break;
                    default:
                      log.add("local" + i);
                      break;
                  }
                  Weft.yieldNow();
                }
              }));
    }
    Weft.gather(tasks);
    List<Object> outcome = new ArrayList<>(logs);
    outcome.add(counter[0]);
    return outcome;
  }

  /** Takes an item, or says the queue was emptied between the check and the take. */
  private static String take(Queue<Integer> queue) {
    try {
      return String.valueOf(queue.getNowait());
    } catch (dev.weft.QueueEmptyException e) {
      return "emptied";
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Preemption.class)
  @DisplayName(
      "sound on generated programs: for bounds 0 to 2, the declared search reaches every outcome"
          + " the unreduced search reaches, in at least 3x fewer tries")
  void reachesEveryOutcomeOnGeneratedPrograms(Preemption mode) {
    long[] tries = new long[2];
    for (long seed = 0; seed < 30; seed++) {
      long program = seed;
      for (int bound = 0; bound <= 2; bound++) {
        Set<List<Object>> all = new LinkedHashSet<>();
        Set<List<Object>> reduced = new LinkedHashSet<>();
        ExplorationResult unreduced = explore(() -> all.add(generated(program)), full(bound), mode);
        ExplorationResult fewer =
            explore(() -> reduced.add(generated(program)), declared(bound), mode);
        assertThat(unreduced.exhausted()).isTrue();
        assertThat(fewer.exhausted()).isTrue();
        // Commuting steps let the reduced search reach some traces by a cheaper schedule, so within
        // a bound it may reach more outcomes than the unreduced search; on these programs, never
        // fewer (not so on every program: see aTraceMayNeedOneMoreDeparture).
        assertThat(reduced).as("program %d, bound %d", program, bound).containsAll(all);
        tries[0] += unreduced.tries();
        tries[1] += fewer.tries();
      }
    }
    assertThat(tries[1] * 3).isLessThanOrEqualTo(tries[0]);
  }

  /** {@code count} tasks that each take turns with their own queue {@code rounds} times. */
  private static void independentWorkers(int count, int rounds) {
    List<Task<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      Queue<Integer> own = new Queue<>("q" + t, 0);
      tasks.add(
          Weft.spawn(
              "w" + t,
              () -> {
                int sum = 0;
                for (int round = 0; round < rounds; round++) {
                  own.putNowait(round);
                  Weft.yieldNow();
                  sum += own.getNowait();
                }
                return sum;
              }));
    }
    for (Task<Integer> task : tasks) {
      assertThat(task.join()).isEqualTo(rounds * (rounds - 1) / 2);
    }
  }

  @Test
  @DisplayName("tasks that share nothing are ordered once: one try, one trace")
  void independentTasksAreOrderedOnce() {
    ExplorationResult unreduced =
        explore(() -> independentWorkers(3, 2), full(2), Preemption.COOPERATIVE);
    ExplorationResult declared =
        explore(() -> independentWorkers(3, 2), declared(2), Preemption.COOPERATIVE);
    assertThat(unreduced.exhausted()).isTrue();
    assertThat(unreduced.tries()).isEqualTo(UNREDUCED_WORKERS);
    assertThat(declared.exhausted()).isTrue();
    assertThat(declared.tries()).isEqualTo(1);
    assertThat(declared.distinctTraces()).hasValue(1);
  }

  /** How many schedules the unreduced search runs for three workers of two rounds, bound 2. */
  private static final int UNREDUCED_WORKERS = 43;

  /**
   * A lost update: the reader reads a shared counter, yields, and writes it back plus one; the
   * incrementer yields, then adds one at once. asyncio's order is right; the incrementer running
   * first in the second pass loses its update.
   */
  private static void lostUpdate(boolean declare) {
    int[] counter = new int[1];
    Task<Void> reader =
        Weft.spawn(
            "reader",
            () -> {
              touch(declare);
              int seen = counter[0];
              Weft.yieldNow();
              touch(declare);
              counter[0] = seen + 1;
            });
    Task<Void> incrementer =
        Weft.spawn(
            "incrementer",
            () -> {
              Weft.yieldNow();
              touch(declare);
              counter[0]++;
            });
    Weft.gather(reader, incrementer);
    assertThat(counter[0]).as("counter").isEqualTo(2);
  }

  private static void touch(boolean declare) {
    if (declare) {
      Weft.touch("counter");
    }
  }

  @Test
  @DisplayName(
      "a field the tasks share is seen through Weft.touch; undeclared, the search may miss its race")
  void sharedFieldsMustBeDeclared() {
    ExplorationResult declaredAndTouched =
        explore(() -> lostUpdate(true), declared(1), Preemption.COOPERATIVE);
    assertThat(declaredAndTouched.counterexample()).isPresent();
    assertThat(declaredAndTouched.counterexample().get().failure())
        .hasMessageContaining("[counter]");

    // The contract of SharedState.DECLARED, shown: the same program without Weft.touch shares a
    // field Weft cannot see, and the reduced search runs one order of its steps only.
    ExplorationResult undeclared =
        explore(() -> lostUpdate(false), declared(1), Preemption.COOPERATIVE);
    assertThat(undeclared.exhausted()).isTrue();
    assertThat(undeclared.counterexample()).isEmpty();
    assertThat(explore(() -> lostUpdate(false), full(1), Preemption.COOPERATIVE).counterexample())
        .isPresent();
  }

  /** Producers and a consumer on one queue, the stop signal put before the producers finish. */
  private static void stopSignalFirst() {
    Queue<String> items = new Queue<>("items", 0);
    List<String> consumed = new ArrayList<>();
    Task<Void> consumer =
        Weft.spawn(
            "consumer",
            () -> {
              for (String item = items.get(); !item.equals("stop"); item = items.get()) {
                consumed.add(item);
              }
            });
    List<Task<Void>> producers = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      String name = "P" + p;
      producers.add(
          Weft.spawn(
              name,
              () -> {
                Weft.yieldNow();
                items.put(name);
              }));
    }
    items.put("stop"); // the bug: before the producers are awaited
    Weft.gather(producers);
    consumer.join();
    assertThat(consumed).as("consumed").hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Preemption.class)
  @DisplayName("bugs on Weft's primitives are found, with fewer tries than the unreduced search")
  void findsBugsOnPrimitives(Preemption mode) {
    ExplorationResult unreduced = explore(DeclaredReductionTests::stopSignalFirst, full(2), mode);
    ExplorationResult declared =
        explore(DeclaredReductionTests::stopSignalFirst, declared(2), mode);
    assertThat(unreduced.counterexample()).isPresent();
    assertThat(declared.counterexample()).isPresent();
    assertThat(declared.counterexample().get().failure())
        .hasSameClassAs(unreduced.counterexample().get().failure());
    assertThat(declared.tries()).isLessThanOrEqualTo(unreduced.tries());
  }

  @Test
  @DisplayName("Weft.touch checks its name, needs a run, and is no choice point")
  void touchIsChecked() {
    assertThatThrownBy(() -> Weft.touch(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be a non-blank string, but was ' '");
    assertThatThrownBy(() -> Weft.touch(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be a non-blank string, but was null");
    assertThatThrownBy(() -> Weft.touch("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Weft.touch");
    ExplorationResult result =
        explore(
            () -> {
              Weft.touch("x");
              Weft.touch("x");
            },
            declared(3),
            Preemption.EVERY_OPERATION);
    assertThat(result.tries()).isEqualTo(1);
  }

  @Test
  @DisplayName("the declared search is a value, written as code")
  void strategyIsAValue() {
    assertThat(Strategy.exhaustive(2, SharedState.DECLARED))
        .hasToString("Strategy.exhaustive(2, SharedState.DECLARED)")
        .isEqualTo(Strategy.exhaustive(2, SharedState.DECLARED))
        .isNotEqualTo(Strategy.exhaustive(2));
    assertThat(Strategy.exhaustive(2, SharedState.ANY)).isEqualTo(Strategy.exhaustive(2));
    assertThatThrownBy(() -> Strategy.exhaustive(2, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sharing");
  }

  /** The outcomes a search reaches: what each try added to the set its program was given. */
  private static Set<List<Object>> outcomes(
      java.util.function.Function<Set<List<Object>>, ThrowingRunnable> program,
      Strategy strategy,
      Preemption mode) {
    Set<List<Object>> seen = new LinkedHashSet<>();
    assertThat(explore(program.apply(seen), strategy, mode).exhausted()).isTrue();
    return seen;
  }

  private static void reachesTheSameOutcomes(
      java.util.function.Function<Set<List<Object>>, ThrowingRunnable> program,
      int bound,
      Preemption mode) {
    Set<List<Object>> all = outcomes(program, full(bound), mode);
    assertThat(all).as("the program has more than one outcome").hasSizeGreaterThan(1);
    assertThat(outcomes(program, declared(bound), mode)).containsAll(all);
  }

  /** A reader and a writer of a queue made outside the run, a new one for each try. */
  private static ThrowingRunnable queueMadeOutside(Set<List<Object>> seen) {
    java.util.Iterator<Queue<Integer>> fresh =
        java.util.stream.Stream.generate(() -> new Queue<Integer>("q", 0)).iterator();
    return () -> {
      Queue<Integer> queue = fresh.next();
      List<Object> log = new ArrayList<>();
      Task<Boolean> reader = Weft.spawn("reader", () -> log.add(queue.isEmpty()));
      Task<Void> writer = Weft.spawn("writer", () -> queue.putNowait(1));
      Weft.gather(reader, writer);
      seen.add(List.copyOf(log));
    };
  }

  /** A reader that iterates over a JDK blocking queue, and a writer. */
  private static ThrowingRunnable jdkQueueIterated(Set<List<Object>> seen) {
    return () -> {
      java.util.concurrent.BlockingQueue<Integer> queue = dev.weft.Jdk.blockingQueue("q");
      List<Object> log = new ArrayList<>();
      Task<Boolean> reader = Weft.spawn("reader", () -> log.add(queue.iterator().hasNext()));
      Task<Boolean> writer = Weft.spawn("writer", () -> queue.offer(1));
      Weft.gather(reader, writer);
      seen.add(List.copyOf(log));
    };
  }

  /**
   * A callback due at once that reads a queue, and a writer of it: under EVERY_OPERATION, whether
   * the writer can be switched out at its put depends on what else is ready then.
   */
  private static ThrowingRunnable timerAndWriter(Set<List<Object>> seen) {
    return () -> {
      Queue<Integer> queue = new Queue<>("q", 0);
      List<Object> log = new ArrayList<>();
      Weft.spawn("a", () -> Weft.callLater(Duration.ZERO, () -> log.add(queue.isEmpty())));
      Weft.spawn("b", () -> queue.putNowait(1));
      Weft.sleep(Duration.ofSeconds(1));
      seen.add(List.copyOf(log));
    };
  }

  @Test
  @DisplayName(
      "what Weft records covers reads of a primitive made outside the run, a JDK queue's iterator,"
          + " and switch points that depend on what else is ready")
  void footprintsCoverReadsAndSwitchPoints() {
    reachesTheSameOutcomes(DeclaredReductionTests::queueMadeOutside, 2, Preemption.COOPERATIVE);
    reachesTheSameOutcomes(DeclaredReductionTests::jdkQueueIterated, 2, Preemption.COOPERATIVE);
    reachesTheSameOutcomes(DeclaredReductionTests::timerAndWriter, 3, Preemption.EVERY_OPERATION);
  }

  @Test
  @DisplayName("a thread outside the run that asks a task isDone() does not disturb the footprints")
  void foreignThreadsAreNotRecorded() throws Exception {
    java.util.concurrent.atomic.AtomicReference<Task<?>> spied =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread spy =
        new Thread(
            () -> {
              while (!stop.get()) {
                Task<?> task = spied.get();
                if (task != null) {
                  task.isDone();
                }
              }
            });
    spy.setDaemon(true);
    spy.start();
    try {
      ExplorationResult result =
          explore(
              () -> {
                List<Task<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                  tasks.add(
                      Weft.spawn(
                          "t" + t,
                          () -> {
                            for (int round = 0; round < 10; round++) {
                              for (int name = 0; name < 10; name++) {
                                Weft.touch("n" + name + ":" + round);
                              }
                              Weft.yieldNow();
                            }
                          }));
                }
                spied.set(tasks.get(0));
                Weft.gather(tasks);
              },
              declared(1),
              Preemption.COOPERATIVE);
      assertThat(result.counterexample()).isEmpty();
    } finally {
      stop.set(true);
      spy.join();
    }
  }

  /**
   * The known gap, pinned: of 300 generated programs (bounds 0 to 2, both modes), one reaches an
   * outcome at bound 1 in the unreduced search that the declared search reaches only at bound 2.
   * The unreduced search gets there by reordering two steps that commute, which changes the next
   * pass's order for free; the declared search never reorders them and pays a departure instead.
   */
  @Test
  @DisplayName("within a bound, a trace may cost the declared search one more departure")
  void aTraceMayNeedOneMoreDeparture() {
    java.util.function.Function<Set<List<Object>>, ThrowingRunnable> program =
        seen -> () -> seen.add(generated(123));
    Set<List<Object>> unreduced = outcomes(program, full(1), Preemption.COOPERATIVE);
    assertThat(outcomes(program, declared(1), Preemption.COOPERATIVE).containsAll(unreduced))
        .isFalse();
    assertThat(outcomes(program, declared(2), Preemption.COOPERATIVE)).containsAll(unreduced);
  }
}
