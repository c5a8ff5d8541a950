package dev.weft.benchmarks;

import dev.weft.Task;
import dev.weft.Weft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of virtual time: sleeping takes scheduler work, never real time.
 *
 * <p>{@link #randomSleeps()}: one {@code Weft.run} whose main spawns {@value #TASKS} tasks, each
 * sleeping its own virtual duration between 0 and 10 s (nanosecond resolution, from a {@link
 * SplittableRandom} with the fixed seed {@value #SEED}, so every run sleeps the same durations and
 * nearly every task wakes at its own instant), and gathers them. It measures the timer heap and the
 * clock's jumps on top of what {@link SpawnJoinBenchmark} measures; the score is per run.
 *
 * <p>{@link #oneHourSleep()}: one run whose main task sleeps one hour of virtual time. Goal: well
 * under a millisecond of real time per run, whatever the virtual duration.
 *
 * <p>The setup prints the carrier kind (virtual threads on JDK 21+, platform threads on JDK 17).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SleepBenchmark extends CarrierAwareBenchmark {
  /** Sleeping tasks per run of {@link #randomSleeps()}. */
  static final int TASKS = 10_000;

  /** Seed of the sleep durations. */
  static final long SEED = 20_240_601L;

  private static final long MAX_SLEEP_NANOS = Duration.ofSeconds(10).toNanos();

  private final Duration[] sleeps = sleepDurations();

  /** {@value #TASKS} tasks sleep random virtual durations of 0 to 10 s; main gathers them. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Duration randomSleeps() {
    return Weft.run(
        () -> {
          List<Task<Void>> tasks = new ArrayList<>(TASKS);
          for (int i = 0; i < TASKS; i++) {
            Duration sleep = sleeps[i];
            tasks.add(Weft.spawn("sleeper-" + i, () -> Weft.sleep(sleep)));
          }
          Weft.gather(tasks);
          return Weft.elapsed(); // the longest sleep, just under 10 s
        });
  }

  /** Main sleeps one hour of virtual time. */
  @Benchmark
  public Duration oneHourSleep() {
    return Weft.run(
        () -> {
          Weft.sleep(Duration.ofHours(1));
          return Weft.elapsed();
        });
  }

  private static Duration[] sleepDurations() {
    SplittableRandom random = new SplittableRandom(SEED);
    Duration[] durations = new Duration[TASKS];
    for (int i = 0; i < TASKS; i++) {
      durations[i] = Duration.ofNanos(random.nextLong(MAX_SLEEP_NANOS + 1));
    }
    return durations;
  }
}
