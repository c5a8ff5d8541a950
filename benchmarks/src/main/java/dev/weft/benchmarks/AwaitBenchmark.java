package dev.weft.benchmarks;

import dev.weft.Await;
import dev.weft.Weft;
import java.time.Duration;
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
 * The real-time cost of one {@link Await} poll: evaluating the condition and sleeping one poll
 * interval on the virtual clock. Goal: at most 10 µs per poll on JDK 25.
 *
 * <p>{@link #awaitPoll()}: one run whose main awaits, with Awaitility's defaults but {@code atMost}
 * of a day, a condition that becomes true at its {@value #POLLS}th poll (1000 s of virtual time);
 * the score is per poll, the run's start and end spread over the polls. {@link #sleepLoop()} does
 * the same number of 100 ms {@code Weft.sleep}s by hand, the floor that {@code Await}'s own
 * bookkeeping adds to.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AwaitBenchmark extends CarrierAwareBenchmark {
  /** Polls per run. */
  static final int POLLS = 10_000;

  private static final Duration INTERVAL = Duration.ofMillis(100);

  /** One run, {@value #POLLS} polls of {@code Await.await().until(...)}; the score is per poll. */
  @Benchmark
  @OperationsPerInvocation(POLLS)
  public Duration awaitPoll() {
    return Weft.run(
        () -> {
          int[] polls = {0};
          Await.await().atMost(Duration.ofDays(1)).until(() -> ++polls[0] == POLLS);
          return Weft.elapsed();
        });
  }

  /** One run, {@value #POLLS} sleeps of 100 ms by hand; the score is per sleep. */
  @Benchmark
  @OperationsPerInvocation(POLLS)
  public Duration sleepLoop() {
    return Weft.run(
        () -> {
          for (int i = 0; i < POLLS; i++) {
            Weft.sleep(INTERVAL);
          }
          return Weft.elapsed();
        });
  }
}
