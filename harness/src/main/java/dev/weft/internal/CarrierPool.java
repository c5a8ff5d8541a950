package dev.weft.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Carrier threads reused across the runs of one exploration, so that a try does not pay for
 * starting a thread per task (a platform thread costs tens of microseconds to start on Java 17).
 *
 * <p>A worker runs one task body at a time: the scheduler takes an idle worker (or starts a new
 * one), passes it the baton, and hands it the body; when the body has ended and the worker has
 * passed the baton on, the worker parks until its next body. {@link #close} ends the idle workers;
 * a worker still busy (a task the watchdog gave up on) is a daemon and is left alone.
 *
 * <p>Internal: public only so that {@code dev.weft.explore} can own one per exploration.
 */
public final class CarrierPool implements AutoCloseable {
  private static final long CLOSE_WAIT = TimeUnit.SECONDS.toNanos(5);

  /**
   * When the exploration driven on this thread last showed it was alive ({@link #beat}), in {@code
   * System.nanoTime()}; unset on other threads.
   */
  private static final ThreadLocal<AtomicLong> HEARTBEAT = new ThreadLocal<>();

  private final ArrayDeque<Worker> idle = new ArrayDeque<>();
  private final List<Worker> all = new ArrayList<>();
  private volatile boolean closed;

  /** Creates an empty pool; workers are started on demand. */
  public CarrierPool() {}

  /**
   * Says that the exploration driven on this thread is alive: its driver calls this each time a
   * wait of its ends. Does nothing on a thread that drives no exploration.
   */
  static void beat() {
    AtomicLong heartbeat = HEARTBEAT.get();
    if (heartbeat != null) {
      heartbeat.set(System.nanoTime());
    }
  }

  /**
   * Runs {@code work} on a virtual thread when tasks run on virtual threads (else on the calling
   * thread), waits for it, and returns its result. An exploration drives its tries from there:
   * handing the baton between the driver and a task is then a switch between two virtual threads,
   * not a platform thread's park and wake-up.
   *
   * <p>A virtual driver needs a free carrier thread to run. If the program's threads spin outside
   * Weft on every carrier at once, none is ever free again, and the driver cannot even run its
   * watchdog; the calling thread, a platform thread, sees its heartbeat stop, and after {@code
   * stallNanos} throws instead of waiting for ever.
   *
   * @param work what to run
   * @param stallNanos how long the driver may show no sign of life
   * @param <T> the result type
   * @return what {@code work} returned
   * @throws IllegalStateException if the driver showed no sign of life for {@code stallNanos}
   */
  public static <T> T onCarrier(java.util.function.Supplier<T> work, long stallNanos) {
    if (!Carriers.virtual() || Carriers.virtualParallelism() < 2) {
      // Platform carriers: the calling thread is as good as a new one. With one carrier for
      // virtual threads, a task stuck in a busy loop would keep a virtual driver from ever running
      // the watchdog.
      return work.get();
    }
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    AtomicLong heartbeat = new AtomicLong(System.nanoTime());
    Thread thread =
        Carriers.newCarrier(
            "explorer",
            () -> {
              HEARTBEAT.set(heartbeat);
              try {
                result[0] = work.get();
              } catch (Throwable e) {
                failure[0] = e;
              } finally {
                HEARTBEAT.remove();
              }
            });
    thread.start();
    boolean interrupted = false;
    long check = Math.max(1, TimeUnit.NANOSECONDS.toMillis(stallNanos) / 8);
    while (thread.isAlive()) {
      try {
        thread.join(check);
      } catch (InterruptedException e) {
        interrupted = true;
        thread.interrupt();
      }
      long silent = System.nanoTime() - heartbeat.get();
      if (thread.isAlive() && silent > stallNanos) {
        thread.interrupt();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(stalled(silent));
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] != null) {
      throw FutureBase.propagate(FutureBase.unchecked(failure[0], "the exploration"));
    }
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }

  private static String stalled(long silentNanos) {
    return "The exploration was stopped: its driver, a virtual thread, has not run for "
        + String.format(java.util.Locale.ROOT, "%.1f", silentNanos / 1e9)
        + " s of real time. This JVM runs virtual threads on "
        + Carriers.virtualParallelism()
        + " carrier threads, and threads of the program outside Weft seem to keep every one of"
        + " them busy (a busy loop, or a finally block that spins while Weft unwinds its task, on"
        + " each), so no other virtual thread can run until they stop; they are left running. A"
        + " code path that spins without calling Weft must not be reachable from a task. A thread"
        + " dump (jcmd <pid> Thread.dump_to_file <file>) shows where they spin: a task's thread is"
        + " named weft- and the task's name.";
  }

  /** One reusable carrier thread. */
  final class Worker implements Runnable {
    final Thread thread;
    private final boolean virtual;
    private volatile Runnable job;
    private volatile boolean busy;
    private volatile boolean retired;

    Worker(String name) {
      this.thread = Carriers.newCarrier(name, this);
      this.virtual = Carriers.isVirtual(thread);
    }

    @Override
    public void run() {
      while (true) {
        Runnable next = job;
        if (next == null) {
          if (closed || retired) {
            return;
          }
          LockSupport.park(this);
          continue;
        }
        job = null;
        try {
          next.run();
        } finally {
          Thread.interrupted(); // a task's interrupt is not the next task's
          busy = false;
          synchronized (CarrierPool.this) {
            if (!closed) {
              idle.push(this);
            }
          }
        }
      }
    }

    /** Gives the worker its next body; the caller has already passed it the baton. */
    void start(Runnable body) {
      job = body;
      LockSupport.unpark(thread);
    }

    /** Waits until the worker has finished its body, up to {@code nanos}; true if it did. */
    boolean awaitIdle(long nanos) {
      long deadline = System.nanoTime() + nanos;
      while (busy) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        LockSupport.parkNanos(this, Math.min(left, TimeUnit.MICROSECONDS.toNanos(50)));
      }
      return true;
    }
  }

  /** Takes an idle worker, or makes a new one, and marks it busy. */
  synchronized Worker take(String taskName) {
    if (closed) {
      throw new IllegalStateException("the carrier pool is closed");
    }
    Worker worker = idle.poll();
    boolean virtualWanted = Carriers.virtual();
    while (worker != null && worker.virtual && !virtualWanted) {
      // Carriers are platform threads now (see Carriers): idle virtual workers end.
      worker.retired = true;
      LockSupport.unpark(worker.thread);
      worker = idle.poll();
    }
    if (worker == null) {
      worker = new Worker("weft-" + taskName);
      worker.thread.start(); // may fail: before the baton moves, so the run can end cleanly
      all.add(worker);
    } else {
      worker.thread.setName("weft-" + taskName);
    }
    worker.busy = true;
    return worker;
  }

  /** Puts back a worker that was taken but got no body (the baton could not be passed to it). */
  synchronized void giveBack(Worker worker) {
    worker.busy = false;
    if (!closed) {
      idle.push(worker);
    }
  }

  /**
   * Ends the idle workers and waits briefly for them; busy ones (stuck outside Weft) are left
   * running as daemons.
   */
  @Override
  public void close() {
    List<Worker> workers;
    synchronized (this) {
      closed = true;
      workers = new ArrayList<>(all);
      idle.clear();
    }
    long deadline = System.nanoTime() + CLOSE_WAIT;
    for (Worker worker : workers) {
      LockSupport.unpark(worker.thread);
    }
    for (Worker worker : workers) {
      if (worker.busy) {
        continue;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        worker.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
