package dev.weft.samples.bugs;

import dev.weft.Lock;
import dev.weft.Weft;

/**
 * Pattern 1 again, thread-style: a lost update with no await at all, between a read and a write
 * that a thread could be preempted between. {@link Weft#checkpoint()} marks that point.
 *
 * <p>Only {@link dev.weft.Preemption#EVERY_OPERATION} finds this bug. In the default, cooperative
 * mode a task is switched out only inside a Weft call that suspends (a wait, a sleep, a yield), so
 * the code between two such calls is atomic: {@code checkpoint()} does nothing there, the read and
 * the write always happen together, and every schedule passes. That is asyncio's truth, where this
 * counter is correct; it is not the truth of threads. Under {@code EVERY_OPERATION} the running
 * task may also be switched out at every Weft operation that does not suspend, {@code checkpoint()}
 * included, as the JVM could preempt a thread there.
 */
public interface HitCounter {
  /** Counts one hit. */
  void hit();

  /**
   * Returns the hits counted.
   *
   * @return the count
   */
  int hits();

  /**
   * Reads, may be preempted, writes: two hits can count as one. The shrunk report, under {@code
   * EVERY_OPERATION}:
   *
   * <pre>{@code
   * Weft found a failing schedule on try 1 of 1000 (Strategy.random(), seed 0, every operation).
   *
   * Failure:
   *   org.opentest4j.AssertionFailedError: hits ==> expected: <6> but was: <2>
   *
   * Minimal schedule (2 choices, shrunk from 11 in 18 replays):
   *   "every-operation: _ p1"
   *
   * Timeline of the minimal run (...):
   *   main       #1 @0s waits in gather(handler-0, handler-1, handler-2), waiting for handler-0
   *              #6 FAILED: org.opentest4j.AssertionFailedError: hits ==> expected: <6> but was: <2>
   *   handler-0  #2 @0s switched out | #5 returned
   *   handler-1  #3 @0s returned
   *   handler-2  #4 @0s returned
   * }</pre>
   *
   * <p>{@code every-operation:}: the schedule replays under that preemption mode; {@code _}: the
   * first choice (which handler starts) is asyncio's; {@code p1}: handler-0 is switched out at its
   * first checkpoint, having read 0; the other two count their four hits; handler-0 then writes 1
   * and counts its second hit: 2 of 6. An exhaustive cooperative exploration of the same test (32
   * schedules) passes them all.
   */
  final class Buggy implements HitCounter {
    private int hits;

    @Override
    public void hit() {
      int seen = hits;
      Weft.checkpoint(); // a thread may be preempted here
      hits = seen + 1;
    }

    @Override
    public int hits() {
      return hits;
    }
  }

  /** Holds a lock across the read and the write. */
  final class Fixed implements HitCounter {
    private final Lock lock = new Lock("hits");
    private int hits;

    @Override
    public void hit() {
      lock.acquire();
      try {
        int seen = hits;
        Weft.checkpoint();
        hits = seen + 1;
      } finally {
        lock.release();
      }
    }

    @Override
    public int hits() {
      return hits;
    }
  }
}
