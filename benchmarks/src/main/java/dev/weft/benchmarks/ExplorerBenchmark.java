package dev.weft.benchmarks;

import dev.weft.Queue;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exploration throughput: tries per second of a random exploration of the seed's program (semantics
 * §4.2, correct version): 2 producers of 5 items each, 3 consumers, a queue of 2, stop signals
 * after the producers are awaited. Every try passes, so every try runs the whole program: 6 tasks,
 * about 40 scheduler steps. One invocation is one exploration of {@value #TRIES} tries; the score
 * is per try, in tries per second.
 *
 * <p>Goal on a 2-core machine: 20,000 tries/s on JDK 25 (virtual threads), 2,000 on JDK 17
 * (platform threads). The explorer reuses its carrier threads across tries, so a try does not start
 * 6 threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExplorerBenchmark extends CarrierAwareBenchmark {
  /** Tries per exploration. */
  static final int TRIES = 500;

  /** Each exploration gets the next seed, so that the tries differ but the run is repeatable. */
  private long seed;

  /** One random exploration of the producer-consumer program. */
  @Benchmark
  @OperationsPerInvocation(TRIES)
  public int randomTries() {
    ExplorationResult result =
        Explorer.explore(ExplorerBenchmark::producerConsumer).tries(TRIES).seed(seed++).run();
    if (result.counterexample().isPresent()) {
      throw new IllegalStateException("the correct program failed: " + result);
    }
    return result.tries();
  }

  /** The correct producer-consumer program of semantics §4.2 with 5 items per producer. */
  static void producerConsumer() {
    Queue<String> items = new Queue<>("items", 2);
    List<Task<Void>> producers = new ArrayList<>();
    for (String name : List.of("A", "B")) {
      producers.add(
          Weft.spawn(
              name,
              () -> {
                for (int i = 0; i < 5; i++) {
                  items.put(name + i);
                }
              }));
    }
    List<Task<Integer>> consumers = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      consumers.add(
          Weft.spawn(
              "C" + c,
              () -> {
                int taken = 0;
                while (!items.get().equals("DONE")) {
                  taken++;
                }
                return taken;
              }));
    }
    Weft.gather(producers);
    for (int c = 0; c < 3; c++) {
      items.put("DONE");
    }
    int total = 0;
    for (int taken : Weft.gather(consumers)) {
      total += taken;
    }
    if (total != 10) {
      throw new AssertionError("processed " + total + " of 10 items");
    }
  }
}
