package dev.weft.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  private final ArrayDeque<Worker> idle = new ArrayDeque<>();
  private final List<Worker> all = new ArrayList<>();
  private volatile boolean closed;

  /** Creates an empty pool; workers are started on demand. */
  public CarrierPool() {}

  /**
   * Runs {@code work} on a virtual thread when tasks run on virtual threads (else on the calling
   * thread), waits for it, and returns its result. An exploration drives its tries from there:
   * handing the baton between the driver and a task is then a switch between two virtual threads,
   * not a platform thread's park and wake-up.
   *
   * @param work what to run
   * @param <T> the result type
   * @return what {@code work} returned
   */
  public static <T> T onCarrier(java.util.function.Supplier<T> work) {
    if (!Carriers.virtual() || Carriers.virtualParallelism() < 2) {
      // Platform carriers: the calling thread is as good as a new one. With one carrier for
      // virtual threads, a task stuck in a busy loop would keep a virtual driver from ever running
      // the watchdog.
      return work.get();
    }
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread thread =
        Carriers.newCarrier(
            "explorer",
            () -> {
              try {
                result[0] = work.get();
              } catch (Throwable e) {
                failure[0] = e;
              }
            });
    thread.start();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        thread.interrupt();
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
