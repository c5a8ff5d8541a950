package dev.weft.samples.jdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * A token bucket that lets at most {@code burst} permits through at once and then one every {@code
 * interval}, written against the JDK only: it reads the time from a {@link Clock} and waits on a
 * {@link Condition} of a {@link Lock} it is given, so a test can hand it a {@code ReentrantLock}
 * and the system clock, or Weft's lock and clock.
 *
 * <p>Tokens are refilled lazily, from the time elapsed since the last refill. A caller that finds
 * the bucket empty waits, with a timeout, until the next token is due.
 *
 * <p>The bug: the buggy limiter waits once ({@code if}) instead of until a token is there ({@code
 * while}). Two callers that wait for the same token wake at the same instant; the first takes it,
 * and the second, not looking again, takes one that is not there: the bucket goes negative and two
 * permits pass in one interval.
 */
public interface RateLimiter {
  /**
   * Waits until a permit is available and takes it.
   *
   * @return the instant, on the limiter's clock, at which the permit was granted
   * @throws InterruptedException if the waiting thread is interrupted
   */
  Instant acquire() throws InterruptedException;

  /** The bucket both versions share; every field is guarded by {@code lock}. */
  abstract class Base implements RateLimiter {
    final Clock clock;
    final Lock lock;
    final Condition tokenDue;
    final int burst;
    final long intervalNanos;
    long tokens;
    Instant lastRefill;

    Base(Clock clock, Lock lock, int burst, Duration interval) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.lock = Objects.requireNonNull(lock, "lock");
      Objects.requireNonNull(interval, "interval");
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be 1 or more, but was " + burst);
      }
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be positive, but was " + interval);
      }
      this.tokenDue = lock.newCondition();
      this.burst = burst;
      this.intervalNanos = interval.toNanos();
      this.tokens = burst;
      this.lastRefill = clock.instant();
    }

    /** Adds the tokens earned since the last refill, up to {@code burst}; returns the time read. */
    Instant refill() {
      Instant now = clock.instant();
      long earned = Duration.between(lastRefill, now).toNanos() / intervalNanos;
      if (earned > 0) {
        tokens = Math.min(burst, tokens + earned);
        lastRefill = tokens == burst ? now : lastRefill.plusNanos(earned * intervalNanos);
      }
      return now;
    }

    /** How long until the next token is due. */
    long nanosUntilNextToken() {
      return Math.max(1, intervalNanos - Duration.between(lastRefill, clock.instant()).toNanos());
    }
  }

  /** Waits once, then takes a token whether or not one is there. */
  final class Buggy extends Base {
    /**
     * Creates a full bucket.
     *
     * @param clock where the time comes from
     * @param lock guards the bucket; its condition is waited on
     * @param burst how many permits may pass at once; 1 or more
     * @param interval how often a token is added; positive
     */
    public Buggy(Clock clock, Lock lock, int burst, Duration interval) {
      super(clock, lock, burst, interval);
    }

    @Override
    public Instant acquire() throws InterruptedException {
      lock.lock();
      try {
        Instant now = refill();
        if (tokens < 1) {
          tokenDue.await(nanosUntilNextToken(), TimeUnit.NANOSECONDS);
          now = refill();
        }
        tokens--;
        return now;
      } finally {
        lock.unlock();
      }
    }
  }

  /** Waits until a token is there. */
  final class Fixed extends Base {
    /**
     * Creates a full bucket.
     *
     * @param clock where the time comes from
     * @param lock guards the bucket; its condition is waited on
     * @param burst how many permits may pass at once; 1 or more
     * @param interval how often a token is added; positive
     */
    public Fixed(Clock clock, Lock lock, int burst, Duration interval) {
      super(clock, lock, burst, interval);
    }

    @Override
    public Instant acquire() throws InterruptedException {
      lock.lock();
      try {
        Instant now = refill();
        while (tokens < 1) {
          tokenDue.await(nanosUntilNextToken(), TimeUnit.NANOSECONDS);
          now = refill();
        }
        tokens--;
        return now;
      } finally {
        lock.unlock();
      }
    }
  }
}
