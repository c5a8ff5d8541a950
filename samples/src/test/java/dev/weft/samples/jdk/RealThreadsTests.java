package dev.weft.samples.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The three classes tested the way such code is tested today: real threads, the system clock, a
 * {@code ScheduledThreadPoolExecutor}, a {@code ReentrantLock}, and Awaitility to wait. Only the
 * fixed versions are tested here, with assertions that hold whatever the timing: each test takes as
 * long as its time to live or backoff really lasts, and none of them can see the bugs, which need a
 * particular timing ({@link WeftTests} finds each on the virtual clock in milliseconds).
 */
class RealThreadsTests {
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

  @AfterEach
  void stopTheScheduler() throws InterruptedException {
    scheduler.shutdownNow();
    assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anEntryLivesUntilItsTimeToLiveAndIsThenEvicted() {
    TtlCache<String, String> cache =
        new TtlCache.Fixed<>(Clock.systemUTC(), scheduler, Duration.ofMillis(500));
    cache.put("session", "alice");
    await().atMost(Duration.ofSeconds(10)).until(() -> cache.size() == 0);
    assertThat(cache.get("session")).isNull();
  }

  @Test
  void aFlakyOperationSucceedsOnItsThirdAttempt() {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = new Retry.Fixed(scheduler, 5, Duration.ofMillis(100));
    CompletableFuture<String> result =
        retry.call(
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("busy");
              }
              return "paid";
            });
    await().atMost(Duration.ofSeconds(10)).until(result::isDone);
    assertThat(result.join()).isEqualTo("paid");
    assertThat(calls).hasValue(3);
  }

  @Test
  void aCancelledRetryMakesNoFurtherAttempt() {
    AtomicInteger calls = new AtomicInteger();
    // The second attempt is due 10 s after the first: the cancel comes long before it.
    Retry retry = new Retry.Fixed(scheduler, 5, Duration.ofSeconds(10));
    CompletableFuture<String> result =
        retry.call(
            () -> {
              calls.incrementAndGet();
              throw new IllegalStateException("busy");
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 1);
    result.cancel(false);
    // Seeing the buggy version's late attempt would take the full 10 s; this cannot show it.
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(10))
        .until(() -> calls.get() == 1);
    assertThat(result).isCancelled();
  }

  @Test
  void noMorePermitsPassThanTheBucketEarned() throws InterruptedException {
    Clock clock = Clock.systemUTC();
    Duration interval = Duration.ofMillis(100);
    Instant start = clock.instant();
    RateLimiter limiter = new RateLimiter.Fixed(clock, new ReentrantLock(), 1, interval);
    List<Instant> grants = Collections.synchronizedList(new ArrayList<>());
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  grants.add(limiter.acquire());
                  grants.add(limiter.acquire());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "caller-" + i);
      caller.start();
      callers.add(caller);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> grants.size() == 6);
    for (Thread caller : callers) {
      caller.join(10_000);
    }
    assertThat(RateLimiterProperty.overdrawn(start, grants, 1, interval)).isEmpty();
  }
}
