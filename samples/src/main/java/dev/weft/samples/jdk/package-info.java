/**
 * Code written against the JDK's concurrency types, not Weft's, and tested with Weft through its
 * adapters: a {@link dev.weft.samples.jdk.TtlCache} that takes a {@link java.time.Clock} and a
 * {@link java.util.concurrent.ScheduledExecutorService} for eviction, a {@link
 * dev.weft.samples.jdk.Retry} with exponential backoff that returns {@link
 * java.util.concurrent.CompletableFuture}s, and a {@link dev.weft.samples.jdk.RateLimiter} that
 * waits on a {@link java.util.concurrent.locks.Condition} of the {@link
 * java.util.concurrent.locks.Lock} it is given.
 *
 * <p>Each has the bug and its fix side by side, as in {@code dev.weft.samples.bugs}. Nothing here
 * imports Weft: the tests hand each class either the real clock, scheduler and lock, and wait with
 * Awaitility on real threads (which takes seconds), or Weft's ({@code Weft.clock()}, {@code
 * Weft.executor()}, a Weft-backed {@code Lock}) and explore its schedules on the virtual clock
 * (which takes milliseconds, and finds the bug).
 */
package dev.weft.samples.jdk;
