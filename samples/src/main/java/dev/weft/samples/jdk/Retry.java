package dev.weft.samples.jdk;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Retries an operation with exponential backoff, written against the JDK only: the attempts run on
 * a {@link ScheduledExecutorService} and the outcome is a {@link CompletableFuture}, so a test can
 * hand it a real scheduler or Weft's ({@code Weft.executor()}).
 *
 * <p>The first attempt runs at once; after the n-th failure the next one runs {@code firstDelay *
 * 2^(n-1)} later; after {@code maxAttempts} failures the future fails with the last failure.
 *
 * <p>The bug: a caller that gives up cancels the future (say, its own deadline passed). The buggy
 * version does not look: the retry already scheduled still runs, and the operation (a payment, an
 * e-mail) happens after the caller was told it did not. The fix cancels the pending retry when the
 * future completes by any means, and checks before each attempt.
 */
public interface Retry {
  /**
   * Runs {@code operation} until it succeeds or has failed {@code maxAttempts} times.
   *
   * @param <T> the operation's result type
   * @param operation what to run; a thrown exception is a failed attempt
   * @return the operation's first result, or its last failure
   */
  <T> CompletableFuture<T> call(Callable<T> operation);

  /** The scheduler and backoff both versions share. */
  abstract class Base implements Retry {
    final ScheduledExecutorService scheduler;
    final int maxAttempts;
    final Duration firstDelay;

    Base(ScheduledExecutorService scheduler, int maxAttempts, Duration firstDelay) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      this.firstDelay = Objects.requireNonNull(firstDelay, "firstDelay");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be 1 or more, but was " + maxAttempts);
      }
      if (firstDelay.isNegative()) {
        throw new IllegalArgumentException(
            "firstDelay must not be negative, but was " + firstDelay);
      }
      this.maxAttempts = maxAttempts;
    }

    /** The delay before attempt {@code attempt} (2 or more). */
    long delayNanosBefore(int attempt) {
      return firstDelay.toNanos() << (attempt - 2);
    }

    /** Runs one attempt; returns true if the future is complete afterwards. */
    <T> boolean attempt(Callable<T> operation, CompletableFuture<T> result, int attempt) {
      try {
        result.complete(operation.call());
        return true;
      } catch (Exception failure) {
        if (attempt >= maxAttempts) {
          result.completeExceptionally(failure);
          return true;
        }
        return false;
      }
    }
  }

  /** Keeps retrying after the caller cancelled the future. */
  final class Buggy extends Base {
    /**
     * Creates a retry policy.
     *
     * @param scheduler runs the attempts
     * @param maxAttempts how many attempts at most; 1 or more
     * @param firstDelay the delay before the second attempt; doubled for each next one
     */
    public Buggy(ScheduledExecutorService scheduler, int maxAttempts, Duration firstDelay) {
      super(scheduler, maxAttempts, firstDelay);
    }

    @Override
    public <T> CompletableFuture<T> call(Callable<T> operation) {
      CompletableFuture<T> result = new CompletableFuture<>();
      scheduler.execute(() -> run(operation, result, 1));
      return result;
    }

    private <T> void run(Callable<T> operation, CompletableFuture<T> result, int attempt) {
      if (!attempt(operation, result, attempt)) {
        scheduler.schedule(
            () -> run(operation, result, attempt + 1),
            delayNanosBefore(attempt + 1),
            TimeUnit.NANOSECONDS);
      }
    }
  }

  /** Stops when the future completes, whoever completed it. */
  final class Fixed extends Base {
    /**
     * Creates a retry policy.
     *
     * @param scheduler runs the attempts
     * @param maxAttempts how many attempts at most; 1 or more
     * @param firstDelay the delay before the second attempt; doubled for each next one
     */
    public Fixed(ScheduledExecutorService scheduler, int maxAttempts, Duration firstDelay) {
      super(scheduler, maxAttempts, firstDelay);
    }

    @Override
    public <T> CompletableFuture<T> call(Callable<T> operation) {
      CompletableFuture<T> result = new CompletableFuture<>();
      scheduler.execute(() -> run(operation, result, 1));
      return result;
    }

    private <T> void run(Callable<T> operation, CompletableFuture<T> result, int attempt) {
      if (result.isDone() || attempt(operation, result, attempt)) {
        return;
      }
      ScheduledFuture<?> next =
          scheduler.schedule(
              () -> run(operation, result, attempt + 1),
              delayNanosBefore(attempt + 1),
              TimeUnit.NANOSECONDS);
      result.whenComplete((value, failure) -> next.cancel(false));
    }
  }
}
