package dev.weft.samples.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Jdk;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import dev.weft.samples.bugs.Hunt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * The same three classes as {@link RealThreadsTests}, unchanged, handed Weft's clock, executor and
 * lock ({@code Weft.clock()}, {@code Weft.executor(name)}, {@code Jdk.lock(name)}): each scenario
 * runs on the virtual clock (a 51-minute session, a minute of backoff, five seconds of rate
 * limiting, all in milliseconds of real time) under every schedule the explorer tries.
 *
 * <p>Each bug is found on the first try, in asyncio's own order (its minimal schedule is empty):
 * what exposes these three is time, which the virtual clock brings at once and exactly where a
 * real-thread test would have to wait for it and hit it by luck. The explorations then check each
 * fix across 200 schedules of its tasks.
 */
class WeftTests {
  // ---------------------------------------------------------------- TtlCache

  /** The cache as the test builds it: one of the two versions, on Weft's clock and executor. */
  interface CacheFactory {
    TtlCache<String, String> create(Clock clock, ScheduledExecutorService scheduler, Duration ttl);
  }

  /**
   * A session lives 30 minutes after its last use. Two browser tabs use it at the same instant at
   * minute 20 (their order is the explorer's to pick); at minute 35 it must still be there, and by
   * minute 51 it must be gone.
   */
  static void aSessionUsedAtMinute20IsAliveAtMinute35(CacheFactory factory) {
    ScheduledExecutorService scheduler = Weft.executor("evictions");
    TtlCache<String, String> sessions =
        factory.create(Weft.clock(), scheduler, Duration.ofMinutes(30));
    sessions.put("s-42", "alice");
    Weft.sleep(Duration.ofMinutes(20));
    Task<Void> tab1 = Weft.spawn("tab-1", () -> sessions.put("s-42", "alice"));
    Task<Void> tab2 = Weft.spawn("tab-2", () -> sessions.put("s-42", "alice"));
    Weft.gather(tab1, tab2);
    Weft.sleep(Duration.ofMinutes(15));
    assertEquals("alice", sessions.get("s-42"), "session s-42 at minute 35");
    Weft.sleep(Duration.ofMinutes(16));
    assertThat(sessions.size()).as("sessions held at minute 51").isZero();
    scheduler.shutdown();
  }

  @Explore(tries = 200)
  void theFixedCacheKeepsAUsedSessionAlive() {
    aSessionUsedAtMinute20IsAliveAtMinute35(TtlCache.Fixed::new);
  }

  static class BuggyCacheTestCase {
    @Explore(tries = 200)
    void aUsedSessionStaysAlive() {
      aSessionUsedAtMinute20IsAliveAtMinute35(TtlCache.Buggy::new);
    }
  }

  @Test
  void exploringTheBuggyCacheFindsTheEarlyEviction() {
    Hunt.Found found = Hunt.failureOf(BuggyCacheTestCase.class);
    assertThat(found.cause())
        .isInstanceOf(AssertionError.class)
        .hasMessage("session s-42 at minute 35 ==> expected: <alice> but was: <null>");
    // No interleaving needed: the virtual clock alone brings the eviction due at minute 30.
    assertThat(found.minimalSchedule()).isEqualTo("\"\"");
    assertThat(found.tries()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- Retry

  /** The retry policy as the test builds it. */
  interface RetryFactory {
    Retry create(ScheduledExecutorService scheduler, int maxAttempts, Duration firstDelay);
  }

  @Explore(tries = 50)
  void aFlakyPaymentSucceedsOnItsThirdAttemptAfterThreeSeconds() {
    List<Duration> attempts = new ArrayList<>();
    Retry retry = new Retry.Fixed(Weft.executor("payments"), 5, Duration.ofSeconds(1));
    CompletableFuture<String> payment =
        retry.call(
            () -> {
              attempts.add(Weft.elapsed());
              if (attempts.size() < 3) {
                throw new IllegalStateException("gateway busy");
              }
              return "paid";
            });
    assertThat(Weft.await(payment)).isEqualTo("paid");
    assertThat(attempts)
        .containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(3));
  }

  /**
   * The caller gives up on a payment whose gateway is down after 0.5 to 4 seconds (the explorer
   * picks): once it has cancelled, the payment must not be attempted again.
   */
  static void noAttemptAfterTheCallerGaveUp(RetryFactory factory) {
    List<Duration> attempts = new ArrayList<>();
    Retry retry = factory.create(Weft.executor("payments"), 5, Duration.ofSeconds(1));
    CompletableFuture<String> payment =
        retry.call(
            () -> {
              attempts.add(Weft.elapsed());
              throw new IllegalStateException("gateway down");
            });
    Duration patience = Duration.ofMillis(500L * (1 + Weft.choose(8)));
    Weft.sleep(patience);
    payment.cancel(false);
    Weft.sleep(Duration.ofMinutes(1)); // long after any backoff
    assertThat(attempts)
        .as("attempts after giving up at %s", patience)
        .allMatch(at -> at.compareTo(patience) <= 0);
  }

  @Explore(tries = 200)
  void theFixedRetryStopsWhenCancelled() {
    noAttemptAfterTheCallerGaveUp(Retry.Fixed::new);
  }

  static class BuggyRetryTestCase {
    @Explore(tries = 200)
    void noAttemptAfterTheCallerGaveUp() {
      WeftTests.noAttemptAfterTheCallerGaveUp(Retry.Buggy::new);
    }
  }

  @Test
  void exploringTheBuggyRetryFindsTheLateAttempt() {
    Hunt.Found found = Hunt.failureOf(BuggyRetryTestCase.class);
    assertThat(found.cause()).isInstanceOf(AssertionError.class);
    assertThat(found.cause().getMessage())
        .startsWith("[attempts after giving up at PT0.5S]")
        .contains("these elements did not:\n  [1S, 3S, 7S, 15S]");
    assertThat(found.minimalSchedule()).isEqualTo("\"\""); // 0 from choose(8): gives up at 0.5 s
    assertThat(found.tries()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- RateLimiter

  /** The limiter as the test builds it. */
  interface LimiterFactory {
    RateLimiter create(
        Clock clock, java.util.concurrent.locks.Lock lock, int burst, Duration interval);
  }

  /** Three clients take two permits each from a bucket of one that earns a token per second. */
  static void threeClientsTakeTwoPermitsEach(LimiterFactory factory) {
    Clock clock = Weft.clock();
    Instant start = clock.instant();
    RateLimiter limiter = factory.create(clock, Jdk.lock("bucket"), 1, Duration.ofSeconds(1));
    List<Instant> grants = new ArrayList<>();
    List<Task<Void>> clients = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      clients.add(
          Weft.spawn(
              "client-" + i,
              () -> {
                grants.add(limiter.acquire());
                grants.add(limiter.acquire());
              }));
    }
    Weft.gather(clients);
    assertThat(RateLimiterProperty.overdrawn(start, grants, 1, Duration.ofSeconds(1))).isEmpty();
  }

  @Explore(tries = 200)
  void theFixedLimiterNeverOverdraws() {
    threeClientsTakeTwoPermitsEach(RateLimiter.Fixed::new);
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofSeconds(5));
  }

  static class BuggyLimiterTestCase {
    @Explore(tries = 200)
    void neverOverdraws() {
      threeClientsTakeTwoPermitsEach(RateLimiter.Buggy::new);
    }
  }

  @Test
  void exploringTheBuggyLimiterFindsTheOverdraft() {
    Hunt.Found found = Hunt.failureOf(BuggyLimiterTestCase.class);
    assertThat(found.cause())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "permit 3 passed 1000 ms after the start, when only 2 had been earned");
    assertThat(found.minimalSchedule()).isEqualTo("\"\"");
    assertThat(found.tries()).isEqualTo(1);
  }
}
