package dev.weft.benchmarks;

import dev.weft.RunOptions;
import dev.weft.Task;
import dev.weft.Weft;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one task switch in Weft, next to its floor: a raw baton handoff between two threads.
 *
 * <p>{@link #weftSwitch()}: inside one {@code Weft.run}, two tasks ping-pong with {@code
 * Weft.yieldNow()}. With only these two tasks ready, every yield hands the baton from one task's
 * carrier thread to the other's, so each yield is one switch; {@value #SWITCHES} of them per run
 * amortize the run's start-up (creating the loop and three carrier threads).
 *
 * <p>{@link #rawHandoff()}: the baseline. Two fresh threads of the kind Weft uses (virtual if the
 * JVM has them and {@code weft.carrier} is not {@code platform}, else platform daemon threads) pass
 * a volatile holder flag back and forth with {@code LockSupport.park/unpark}, the mechanism of
 * Weft's baton without any scheduling, {@value #SWITCHES} handoffs per invocation.
 *
 * <p>{@link #weftYieldWithoutSwitch()}: a diagnostic. Main yields {@value #SWITCHES} times while no
 * other task is ready, so Weft picks main again and no thread switch happens: what is left is
 * Weft's own bookkeeping per yield (ready queue, step count, checks). Roughly, {@code weftSwitch}
 * is {@code rawHandoff} plus this.
 *
 * <p>All three report the time of one switch (or yield). Goal (issue text): a Weft switch costs at
 * most 1.5x the raw handoff of the same thread kind, on JDK 17 (platform threads) and on JDK 25
 * (virtual threads; also check platform threads there with {@code -p carrier=platform} or {@code
 * -jvmArgsAppend -Dweft.carrier=platform}). The setup prints which kind this fork uses.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TaskSwitchBenchmark extends CarrierAwareBenchmark {
  /** Switches (or handoffs) per invocation. */
  static final int SWITCHES = 100_000;

  /** Room for the yields plus the few steps that start and end the run. */
  private static final RunOptions OPTIONS = RunOptions.defaults().maxSteps(SWITCHES + 1_000L);

  /** Two Weft tasks that yield to each other: {@value #SWITCHES} switches in one run. */
  @Benchmark
  @OperationsPerInvocation(SWITCHES)
  public long weftSwitch() {
    return Weft.run(
        OPTIONS,
        () -> {
          Task<Long> ping = Weft.spawn("ping", () -> yieldTimes(SWITCHES / 2));
          Task<Long> pong = Weft.spawn("pong", () -> yieldTimes(SWITCHES - SWITCHES / 2));
          return ping.join() + pong.join();
        });
  }

  /** Main yields {@value #SWITCHES} times alone: Weft's per-yield work without a thread switch. */
  @Benchmark
  @OperationsPerInvocation(SWITCHES)
  public long weftYieldWithoutSwitch() {
    return Weft.run(OPTIONS, () -> yieldTimes(SWITCHES));
  }

  /** Two raw threads that hand a baton to each other {@value #SWITCHES} times. */
  @Benchmark
  @OperationsPerInvocation(SWITCHES)
  public long rawHandoff() throws InterruptedException {
    return new RawBaton(rawThreads, SWITCHES).run();
  }

  private static long yieldTimes(int times) {
    long yields = 0;
    for (int i = 0; i < times; i++) {
      Weft.yieldNow();
      yields++;
    }
    return yields;
  }

  /**
   * Two threads and a volatile holder: the holder hands over by writing the other's index and
   * unparking it; the other parks until it sees its own index. Handoff {@code i} is made by thread
   * {@code i % 2}; thread 0 starts as the holder.
   */
  static final class RawBaton {
    private final Thread[] threads = new Thread[2];
    private final int handoffs;
    private volatile int holder;
    private long made;

    RawBaton(ThreadFactory factory, int handoffs) {
      this.handoffs = handoffs;
      threads[0] = factory.newThread(() -> pass(0));
      threads[1] = factory.newThread(() -> pass(1));
    }

    long run() throws InterruptedException {
      threads[0].start();
      threads[1].start();
      threads[0].join();
      threads[1].join();
      return made;
    }

    private void pass(int self) {
      Thread other = threads[1 - self];
      for (int i = self; i < handoffs; i += 2) {
        while (holder != self) {
          LockSupport.park(this);
        }
        made++; // only the holder writes it; the volatile holder orders the writes
        holder = 1 - self;
        LockSupport.unpark(other);
      }
    }
  }
}
