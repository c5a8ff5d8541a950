package dev.weft.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The one thread-safe way into a running loop, asyncio's {@code call_soon_threadsafe} cut down to
 * what Weft needs: a thread outside the run reports that it touched the run's state (it completed a
 * stage a task awaits), and the loop ends the run at its next pass with that report. Everything
 * else in the loop belongs to the baton's holder; this is the only field another thread writes.
 *
 * <p>The first report wins. Nothing is scheduled from outside: work done by a thread the run does
 * not control would make the run depend on real timing, so the only thing the loop does with it is
 * stop and say so.
 */
final class Inbox {
  private static final VarHandle REPORT;

  static {
    try {
      REPORT = MethodHandles.lookup().findVarHandle(Inbox.class, "report", String.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through REPORT
  private volatile String report;

  /** Called from any thread: the run must end with {@code message}, unless a report came first. */
  void post(String message) {
    REPORT.compareAndSet(this, null, message);
  }

  /** Returns the report that ends the run, or {@code null}; one volatile read per pass. */
  String report() {
    return report;
  }
}
