package dev.weft.benchmarks;

import dev.weft.Task;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code Weft.executor()} costs over Weft's own tasks: one {@code Weft.run} whose main runs
 * {@value #TASKS} short tasks, through the executor ({@code submit}, then {@code Future.get}) or
 * directly ({@code Weft.spawn}, then {@code join}).
 *
 * <p>The {@code ...OneByOne} pair waits for each task before it starts the next (a task and two
 * switches per round trip); the {@code ...AllThenEach} pair starts all of them, then waits for each
 * in order. The score is per run; divide by {@value #TASKS} for one task. Each task has its own
 * carrier thread, so thread creation dominates both sides alike.
 *
 * <p>Goal: {@code submitThenGet...} costs at most 1.5 times {@code spawnThenJoin...}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExecutorBenchmark extends CarrierAwareBenchmark {
  /** Tasks per run. */
  static final int TASKS = 1_000;

  /** Submits a task, gets its result, and again, {@value #TASKS} times. */
  @Benchmark
  public int submitThenGetOneByOne() {
    return Weft.run(
        () -> {
          ScheduledExecutorService executor = Weft.executor();
          int sum = 0;
          for (int i = 0; i < TASKS; i++) {
            int value = i;
            sum += executor.submit(() -> value).get();
          }
          return sum;
        });
  }

  /** Spawns a task, joins it, and again, {@value #TASKS} times. */
  @Benchmark
  public int spawnThenJoinOneByOne() {
    return Weft.run(
        () -> {
          int sum = 0;
          for (int i = 0; i < TASKS; i++) {
            int value = i;
            sum += Weft.spawn(() -> value).join();
          }
          return sum;
        });
  }

  /** Submits {@value #TASKS} tasks, then gets each result in order. */
  @Benchmark
  public int submitAllThenGetEach() {
    return Weft.run(
        () -> {
          ScheduledExecutorService executor = Weft.executor();
          List<Future<Integer>> futures = new ArrayList<>(TASKS);
          for (int i = 0; i < TASKS; i++) {
            int value = i;
            futures.add(executor.submit(() -> value));
          }
          int sum = 0;
          for (Future<Integer> future : futures) {
            sum += future.get();
          }
          return sum;
        });
  }

  /** Spawns {@value #TASKS} tasks, then joins each in order. */
  @Benchmark
  public int spawnAllThenJoinEach() {
    return Weft.run(
        () -> {
          List<Task<Integer>> tasks = new ArrayList<>(TASKS);
          for (int i = 0; i < TASKS; i++) {
            int value = i;
            tasks.add(Weft.spawn(() -> value));
          }
          int sum = 0;
          for (Task<Integer> task : tasks) {
            sum += task.join();
          }
          return sum;
        });
  }
}
