package dev.weft.benchmarks;

import dev.weft.Task;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of short-lived tasks: one {@code Weft.run} whose main spawns {@value #TASKS} tasks that
 * return at once, and waits for all of them.
 *
 * <p>{@link #spawnAndGather()} waits with one {@code Weft.gather}; {@link #spawnAndJoinEach()}
 * joins the tasks one by one in creation order. Each task gets its own carrier thread, so the score
 * is dominated by creating, starting and ending {@value #TASKS} threads of the kind the setup
 * prints (virtual threads on JDK 21+, platform threads on JDK 17). The score is per run; divide by
 * {@value #TASKS} for the cost of one task.
 *
 * <p>{@link #rawStartJoin()} is the floor: {@value #TASKS} raw threads of the same kind, started
 * and joined without Weft.
 *
 * <p>Goal: the per-task cost stays close to the cost of starting one carrier thread of that kind
 * plus one Weft switch, with no growth beyond linear in the number of tasks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpawnJoinBenchmark extends CarrierAwareBenchmark {
  /** Tasks per run. */
  static final int TASKS = 10_000;

  /** Spawns {@value #TASKS} tasks and gathers them. */
  @Benchmark
  public int spawnAndGather() {
    return Weft.run(
        () -> {
          List<Task<Integer>> tasks = spawnAll();
          return Weft.gather(tasks).size();
        });
  }

  /** Spawns {@value #TASKS} tasks and joins them one by one. */
  @Benchmark
  public int spawnAndJoinEach() {
    return Weft.run(
        () -> {
          int sum = 0;
          for (Task<Integer> task : spawnAll()) {
            sum += task.join();
          }
          return sum;
        });
  }

  /** Baseline: starts {@value #TASKS} raw threads of Weft's carrier kind that return at once. */
  @Benchmark
  public int rawStartJoin() throws InterruptedException {
    Thread[] threads = new Thread[TASKS];
    for (int i = 0; i < TASKS; i++) {
      threads[i] = rawThreads.newThread(() -> {});
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return threads.length;
  }

  private static List<Task<Integer>> spawnAll() {
    List<Task<Integer>> tasks = new ArrayList<>(TASKS);
    for (int i = 0; i < TASKS; i++) {
      int value = i;
      tasks.add(Weft.spawn("t" + i, () -> value));
    }
    return tasks;
  }
}
