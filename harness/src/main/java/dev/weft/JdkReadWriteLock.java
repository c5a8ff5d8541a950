package dev.weft;

import dev.weft.internal.Adapters;
import dev.weft.internal.LoopBinding;
import dev.weft.internal.Waiter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Supplier;

/**
 * A {@link ReadWriteLock} with the rules of a fair {@code ReentrantReadWriteLock} whose waits are
 * Weft waits. See {@link Jdk#readWriteLock(String)}.
 *
 * <p>Requests are served first come, first served: the first waiting request is granted as soon as
 * it can be, and a run of waiting readers is granted together. A newcomer waits behind earlier
 * requests, except a task that already holds a read lock (it may read-lock again, as the JDK
 * allows, so that reentrant reads cannot deadlock behind a waiting writer) or the write lock (which
 * it may lock again, or read-lock: downgrading). A grant is handed over when it is made, as a
 * {@link Semaphore} hands over a permit; a task cancelled after its grant gives it back.
 */
final class JdkReadWriteLock implements ReadWriteLock {
  final LoopBinding binding;
  private final View readLock = new View(false);
  private final View writeLock = new View(true);

  Task<?> writer;
  int writeHolds;

  /** Read holds per task, in the order the tasks first took one (tasks compare by identity). */
  private final Map<Task<?>, Integer> readers = new LinkedHashMap<>();

  private final Deque<Request> waiting = new ArrayDeque<>();

  /** How many conditions the write lock has made, to number them for reports. */
  private int conditions;

  record Request(Task<?> task, boolean write, Waiter waiter) {}

  JdkReadWriteLock(String name) {
    this.binding = new LoopBinding("read-write lock", name);
  }

  @Override
  public java.util.concurrent.locks.Lock readLock() {
    return readLock;
  }

  @Override
  public java.util.concurrent.locks.Lock writeLock() {
    return writeLock;
  }

  String label() {
    return binding.label();
  }

  // ---------------------------------------------------------------- granting

  /** Grants {@code task} at once if the rules allow it without waiting. */
  boolean tryNow(Task<?> task, boolean write) {
    if (write) {
      if (writer == task) {
        writeHolds = more(writeHolds);
        return true;
      }
      if (writer == null && readers.isEmpty() && noOneWaiting()) {
        writer = task;
        writeHolds = 1;
        return true;
      }
      return false;
    }
    if (writer == task || readers.containsKey(task) || (writer == null && noOneWaiting())) {
      readers.put(task, more(readers.getOrDefault(task, 0)));
      return true;
    }
    return false;
  }

  /** Takes away the read holds of {@code task} and returns how many it had. */
  int setReadsAside(Task<?> task) {
    Integer holds = readers.remove(task);
    return holds == null ? 0 : holds;
  }

  /** Gives {@code task} back the read holds {@link #setReadsAside} took, if any. */
  void restoreReads(Task<?> task, int holds) {
    if (holds > 0) {
      readers.put(task, holds);
    }
  }

  private int more(int holds) {
    if (holds == Integer.MAX_VALUE) {
      throw new Error("Maximum lock count exceeded on " + label() + ", as the JDK says");
    }
    return holds + 1;
  }

  private boolean noOneWaiting() {
    for (Request request : waiting) {
      if (!request.waiter().isDone()) {
        return false;
      }
    }
    return true;
  }

  /** Grants the waiting requests that can go now, first come first served. */
  void grantWaiting() {
    while (!waiting.isEmpty()) {
      Request first = waiting.peekFirst();
      if (first.waiter().isDone()) {
        waiting.removeFirst(); // cancelled while waiting
        continue;
      }
      if (first.write()) {
        if (writer == null && readers.isEmpty()) {
          waiting.removeFirst();
          writer = first.task();
          writeHolds = 1;
          first.waiter().wake();
        }
        return;
      }
      if (writer != null && writer != first.task()) {
        return;
      }
      waiting.removeFirst();
      readers.merge(first.task(), 1, Integer::sum);
      first.waiter().wake();
    }
  }

  /** Waits until {@code request} is granted; a task cancelled after its grant gives it back. */
  private void awaitGrant(Request request, String shown) {
    awaitGrant(request, shown, () -> shown + " on " + label() + " (" + state(request) + ")");
  }

  /** Waits as {@link #awaitGrant(Request, String)}, described by {@code text} in reports. */
  void awaitGrant(Request request, String operation, Supplier<String> text) {
    waiting.addLast(request);
    try {
      request.waiter().await(binding.waitIn(operation, text));
    } catch (Throwable e) {
      waiting.remove(request);
      if (request.waiter().isDone() && !request.waiter().isCancelled()) {
        releaseNow(request.task(), request.write()); // granted, then cancelled: give it back
      } else {
        grantWaiting(); // it may have held back the requests behind it
      }
      throw e;
    }
  }

  private void releaseNow(Task<?> task, boolean write) {
    if (write) {
      if (--writeHolds == 0) {
        writer = null;
      }
    } else {
      int holds = readers.get(task);
      if (holds == 1) {
        readers.remove(task);
      } else {
        readers.put(task, holds - 1);
      }
    }
    grantWaiting();
  }

  // ---------------------------------------------------------------- reports

  /** Says why {@code request} waits: who holds the lock, and who asked first. */
  String state(Request request) {
    StringBuilder state = new StringBuilder();
    if (writer != null) {
      state.append("write-locked by ").append(name(writer));
    } else if (!readers.isEmpty()) {
      state.append("read-locked by ").append(names(new ArrayList<>(readers.keySet())));
      if (request.write() && readers.containsKey(request.task())) {
        state
            .append("; ")
            .append(request.task().name())
            .append(" holds a read lock itself, and a read lock cannot be upgraded to the write")
            .append(" lock (a ReentrantReadWriteLock would wait forever too)");
      }
    } else {
      state.append("free");
    }
    for (Request earlier : waiting) {
      if (earlier == request) {
        break;
      }
      if (!earlier.waiter().isDone()) {
        state
            .append(", and ")
            .append(earlier.task().name())
            .append(" asked first for the ")
            .append(earlier.write() ? "write" : "read")
            .append(" lock");
        break;
      }
    }
    return state.toString();
  }

  private static String name(Task<?> task) {
    return task.name() + (task.isDone() ? ", which has ended without unlocking it" : "");
  }

  private static String names(List<Task<?>> tasks) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tasks.size() && i < 5; i++) {
      text.append(i == 0 ? "" : ", ").append(name(tasks.get(i)));
    }
    if (tasks.size() > 5) {
      text.append(" and ").append(tasks.size() - 5).append(" more");
    }
    return text.toString();
  }

  /**
   * Describes the lock for debugging.
   *
   * @return for example {@code read-write lock 'cache' (read-locked by R1, R2, 1 waiting)}
   */
  @Override
  public String toString() {
    int count = 0;
    for (Request request : waiting) {
      count += request.waiter().isDone() ? 0 : 1;
    }
    return label()
        + " ("
        + (writer != null
            ? "write-locked by " + writer.name()
            : readers.isEmpty()
                ? "free"
                : "read-locked by " + names(new ArrayList<>(readers.keySet())))
        + (count == 0 ? "" : ", " + count + " waiting")
        + ")";
  }

  // ---------------------------------------------------------------- the two views

  /** {@code readLock()} or {@code writeLock()}. */
  private final class View implements java.util.concurrent.locks.Lock {
    private final boolean write;
    private final String prefix;

    View(boolean write) {
      this.write = write;
      this.prefix = write ? "writeLock()." : "readLock().";
    }

    @Override
    public void lock() {
      Task<?> task = binding.enterTask("lock");
      if (!tryNow(task, write)) {
        awaitGrant(new Request(task, write, binding.newWaiter("lock")), prefix + "lock()");
      }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
      JdkWaits.checkInterrupt(prefix + "lockInterruptibly()", label());
      Task<?> task = binding.enterTask("lockInterruptibly");
      if (!tryNow(task, write)) {
        awaitGrant(
            new Request(task, write, binding.newWaiter("lockInterruptibly")),
            prefix + "lockInterruptibly()");
      }
    }

    @Override
    public boolean tryLock() {
      binding.enter("tryLock");
      Task<?> task = JdkWaits.lockingTask(prefix + "tryLock()", label());
      return tryNow(task, write);
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
      long nanos = JdkWaits.nanos(time, unit);
      JdkWaits.checkInterrupt(prefix + "tryLock()", label());
      Task<?> task = binding.enterTask("tryLock");
      if (tryNow(task, write)) {
        return true;
      }
      if (nanos <= 0) {
        return false;
      }
      Request request = new Request(task, write, binding.newWaiter("tryLock"));
      String shown = prefix + JdkWaits.timed("tryLock", nanos);
      return JdkWaits.within(
          nanos,
          () -> {
            awaitGrant(request, shown);
            return true;
          },
          false);
    }

    @Override
    public void unlock() {
      binding.enter("unlock");
      Task<?> task = Adapters.currentTaskOrNull();
      boolean holds = task != null && (write ? writer == task : readers.containsKey(task));
      if (!holds) {
        throw new IllegalMonitorStateException(
            prefix
                + "unlock() on "
                + label()
                + " by "
                + JdkWaits.who(task)
                + ", which does not hold the "
                + (write ? "write" : "read")
                + " lock: only a task that holds a lock may unlock it, as with"
                + " ReentrantReadWriteLock.");
      }
      releaseNow(task, write);
    }

    @Override
    public java.util.concurrent.locks.Condition newCondition() {
      if (!write) {
        throw new UnsupportedOperationException(
            "readLock().newCondition() on "
                + label()
                + ": a read lock has no conditions, as with ReentrantReadWriteLock; use the write"
                + " lock's.");
      }
      return new JdkWriteCondition(JdkReadWriteLock.this, ++conditions);
    }

    /**
     * Describes the lock for debugging.
     *
     * @return for example {@code readLock() of read-write lock 'cache' (read-locked by R1)}
     */
    @Override
    public String toString() {
      return prefix.substring(0, prefix.length() - 1) + " of " + JdkReadWriteLock.this;
    }
  }
}
