package dev.weft.samples.jdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A cache whose entries expire a fixed time after they were written, written against the JDK only:
 * it reads the time from a {@link Clock} and evicts with a {@link ScheduledExecutorService}, so a
 * test can hand it either the real ones or Weft's ({@code Weft.clock()}, {@code Weft.executor()}).
 *
 * <p>The bug: each {@code put} schedules the eviction of its key. A key written again before it
 * expired still has the first write's eviction pending, and the buggy cache's eviction removes the
 * key, whatever it holds by then: the fresh entry disappears at the old one's deadline. The fix
 * evicts only the entry that scheduled the eviction ({@link Map#remove(Object, Object)}).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface TtlCache<K, V> {
  /**
   * Stores {@code value} under {@code key} until the time to live has passed.
   *
   * @param key the key
   * @param value the value
   */
  void put(K key, V value);

  /**
   * Returns the value stored under {@code key}, or {@code null} if there is none or it expired.
   *
   * @param key the key
   * @return the live value, or {@code null}
   */
  V get(K key);

  /**
   * Returns how many entries the cache holds, expired or not, until their eviction ran.
   *
   * @return the number of entries held
   */
  int size();

  /** A value and the instant it expires. */
  final class Entry<V> {
    final V value;
    final Instant expiresAt;

    Entry(V value, Instant expiresAt) {
      this.value = value;
      this.expiresAt = expiresAt;
    }

    /** The value and its deadline, as a report that shows an eviction's result prints them. */
    @Override
    public String toString() {
      return value + " (expires " + expiresAt + ")";
    }
  }

  /** Shared by both versions: the clock, the scheduler, the time to live and the entries. */
  abstract class Base<K, V> implements TtlCache<K, V> {
    final Clock clock;
    final ScheduledExecutorService scheduler;
    final Duration ttl;
    final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    Base(Clock clock, ScheduledExecutorService scheduler, Duration ttl) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      this.ttl = Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("ttl must be positive, but was " + ttl);
      }
    }

    @Override
    public V get(K key) {
      Entry<V> entry = entries.get(key);
      return entry == null || !clock.instant().isBefore(entry.expiresAt) ? null : entry.value;
    }

    @Override
    public int size() {
      return entries.size();
    }

    /** Stores a fresh entry and returns it. */
    Entry<V> store(K key, V value) {
      Entry<V> entry = new Entry<>(value, clock.instant().plus(ttl));
      entries.put(key, entry);
      return entry;
    }
  }

  /** Evicts by key: a rewritten key is evicted at its first write's deadline. */
  final class Buggy<K, V> extends Base<K, V> {
    /**
     * Creates an empty cache.
     *
     * @param clock where the time comes from
     * @param scheduler runs the evictions
     * @param ttl how long an entry lives; positive
     */
    public Buggy(Clock clock, ScheduledExecutorService scheduler, Duration ttl) {
      super(clock, scheduler, ttl);
    }

    @Override
    public void put(K key, V value) {
      store(key, value);
      scheduler.schedule(() -> entries.remove(key), ttl.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Evicts the entry that scheduled the eviction, and only if it is still the one stored. */
  final class Fixed<K, V> extends Base<K, V> {
    /**
     * Creates an empty cache.
     *
     * @param clock where the time comes from
     * @param scheduler runs the evictions
     * @param ttl how long an entry lives; positive
     */
    public Fixed(Clock clock, ScheduledExecutorService scheduler, Duration ttl) {
      super(clock, scheduler, ttl);
    }

    @Override
    public void put(K key, V value) {
      Entry<V> entry = store(key, value);
      scheduler.schedule(() -> entries.remove(key, entry), ttl.toNanos(), TimeUnit.NANOSECONDS);
    }
  }
}
