package dev.weft;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import org.junit.jupiter.api.Test;

/** {@link Jdk#readWriteLock}: a fair ReentrantReadWriteLock's rules with Weft's waits. */
class JdkReadWriteLockTests {

  private static String at() {
    return "@" + Weft.elapsed().toSeconds() + "s";
  }

  private static Task<Void> holder(
      String name, Lock lock, long startSeconds, long holdSeconds, List<String> log) {
    return Weft.spawn(
        name,
        () -> {
          Weft.sleep(ofSeconds(startSeconds));
          lock.lock();
          try {
            log.add(name + " in " + at());
            Weft.sleep(ofSeconds(holdSeconds));
          } finally {
            log.add(name + " out " + at());
            lock.unlock();
          }
        });
  }

  @Test
  void readersShareAWaitingWriterHoldsBackLaterReadersAndRequestsAreServedInOrder() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          ReadWriteLock rw = Jdk.readWriteLock("cache");
          Weft.gather(
              holder("R1", rw.readLock(), 0, 3, log),
              holder("R2", rw.readLock(), 1, 3, log),
              holder("W", rw.writeLock(), 2, 1, log),
              holder("R3", rw.readLock(), 3, 1, log),
              holder("R4", rw.readLock(), 3, 1, log));
        });
    assertThat(log)
        .containsExactly(
            "R1 in @0s",
            "R2 in @1s",
            "R1 out @3s",
            "R2 out @4s",
            "W in @4s",
            "W out @5s",
            "R3 in @5s",
            "R4 in @5s",
            "R3 out @6s",
            "R4 out @6s");
  }

  @Test
  void bothLocksAreReentrantAReaderMayReadAgainPastAWaitingWriterAndTheWriterMayDowngrade() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          ReadWriteLock rw = Jdk.readWriteLock("cache");
          rw.readLock().lock();
          Task<Void> writer = holder("W", rw.writeLock(), 0, 1, log);
          Weft.sleep(ofSeconds(1));
          rw.readLock().lock(); // a reentrant read does not queue behind W
          log.add("main read twice " + at() + ": " + rw);
          rw.readLock().unlock();
          rw.readLock().unlock();
          writer.join();
          rw.writeLock().lock();
          rw.writeLock().lock();
          rw.readLock().lock(); // downgrading
          rw.writeLock().unlock();
          rw.writeLock().unlock();
          log.add("downgraded: " + rw);
          log.add("other reader: " + Weft.spawn("R", () -> rw.readLock().tryLock()).join());
        });
    assertThat(log)
        .containsExactly(
            "main read twice @1s: read-write lock 'cache' (read-locked by main, 1 waiting)",
            "W in @1s",
            "W out @2s",
            "downgraded: read-write lock 'cache' (read-locked by main)",
            "other reader: true");
  }

  @Test
  void timedTryLockWaitsOnTheVirtualClockAndACancelledWriterLetsTheReadersBehindItGo() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          ReadWriteLock rw = Jdk.readWriteLock("cache");
          rw.readLock().lock();
          log.add("write tryLock(2s) " + rw.writeLock().tryLock(2, TimeUnit.SECONDS) + " " + at());
          Task<Void> writer = Weft.spawn("W", () -> rw.writeLock().lock());
          Task<Void> reader = holder("R", rw.readLock(), 1, 0, log);
          Weft.sleep(ofSeconds(5));
          log.add("R waits behind W: " + !reader.isDone());
          writer.cancel();
          reader.join();
          log.add(catchThrowable(writer::join).getClass().getSimpleName());
          rw.readLock().unlock();
          log.add(rw.toString());
        });
    assertThat(log)
        .containsExactly(
            "write tryLock(2s) false @2s",
            "R waits behind W: true",
            "R in @7s",
            "R out @7s",
            "CancelledException",
            "read-write lock 'cache' (free)");
  }

  @Test
  void anUpgradeIsADeadlockThatSaysWhy() {
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      ReadWriteLock rw = Jdk.readWriteLock("cache");
                      rw.readLock().lock();
                      rw.writeLock().lock();
                    }))
        .isInstanceOf(DeadlockException.class)
        .hasMessageContaining(
            "  main  blocked in writeLock().lock() on read-write lock 'cache' (read-locked by main;"
                + " main holds a read lock itself, and a read lock cannot be upgraded to the write"
                + " lock (a ReentrantReadWriteLock would wait forever too))\n");
  }

  @Test
  void aReaderBehindAWaitingWriterIsReportedSo() {
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      ReadWriteLock rw = Jdk.readWriteLock("cache");
                      Weft.spawn("R1", () -> rw.readLock().lock()).join();
                      Task<Void> w = Weft.spawn("W", () -> rw.writeLock().lock());
                      Task<Void> r2 = Weft.spawn("R2", () -> rw.readLock().lock());
                      Weft.gather(w, r2);
                    }))
        .isInstanceOf(DeadlockException.class)
        .hasMessageContaining(
            "  W     blocked in writeLock().lock() on read-write lock 'cache' (read-locked by R1,"
                + " which has ended without unlocking it)\n"
                + "  R2    blocked in readLock().lock() on read-write lock 'cache' (read-locked by R1,"
                + " which has ended without unlocking it, and W asked first for the write lock)\n");
  }

  @Test
  void misuseSaysWhatIsWrong() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          ReadWriteLock rw = Jdk.readWriteLock("cache");
          log.add(catchThrowable(() -> rw.readLock().unlock()).getMessage());
          log.add(catchThrowable(() -> rw.readLock().newCondition()).getMessage());
          Condition changed = rw.writeLock().newCondition();
          log.add(catchThrowable(changed::await).getMessage());
          rw.readLock().lock();
          log.add(catchThrowable(changed::signal).getMessage());
        });
    assertThat(log)
        .containsExactly(
            "readLock().unlock() on read-write lock 'cache' by main, which does not hold the read"
                + " lock: only a task that holds a lock may unlock it, as with"
                + " ReentrantReadWriteLock.",
            "readLock().newCondition() on read-write lock 'cache': a read lock has no conditions, as"
                + " with ReentrantReadWriteLock; use the write lock's.",
            "await() on condition 1 of read-write lock 'cache''s write lock by main, which does not"
                + " hold the write lock: a task must hold it to await one of its conditions, as with"
                + " ReentrantReadWriteLock.",
            "signal() on condition 1 of read-write lock 'cache''s write lock by main, which does not"
                + " hold the write lock: a task must hold it to signal one of its conditions, as with"
                + " ReentrantReadWriteLock.");
  }

  @Test
  void theWriteLocksConditionsReleaseTheWriteLockWhileTheyWaitAndTakeItBack() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          ReadWriteLock rw = Jdk.readWriteLock("cache");
          Condition loaded = rw.writeLock().newCondition();
          List<String> entries = new ArrayList<>();
          Task<Void> waiter =
              Weft.spawn(
                  "waiter",
                  () -> {
                    rw.writeLock().lock();
                    rw.writeLock().lock();
                    try {
                      while (entries.isEmpty()) {
                        loaded.await();
                      }
                      log.add("waiter sees " + entries + " " + at() + ", " + rw);
                    } finally {
                      rw.writeLock().unlock();
                      rw.writeLock().unlock();
                    }
                  });
          Task<Void> reader = holder("reader", rw.readLock(), 1, 1, log);
          Weft.sleep(ofSeconds(3));
          rw.writeLock().lock();
          entries.add("k");
          loaded.signal();
          log.add("loader signalled " + at());
          Weft.sleep(ofSeconds(1));
          rw.writeLock().unlock();
          Weft.gather(waiter, reader);
          rw.writeLock().lock();
          log.add("timed: " + loaded.await(2, TimeUnit.SECONDS) + " " + at());
          rw.writeLock().unlock();
        });
    assertThat(log)
        .containsExactly(
            "reader in @1s",
            "reader out @2s",
            "loader signalled @3s",
            "waiter sees [k] @4s, read-write lock 'cache' (write-locked by waiter)",
            "timed: false @6s");
  }

  @Test
  void aTimedAwaitSignalledInTimeReturnsTrueEvenIfTakingTheWriteLockBackTakesLonger() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          ReadWriteLock rw = Jdk.readWriteLock("cache");
          Condition loaded = rw.writeLock().newCondition();
          Task<Void> waiter =
              Weft.spawn(
                  "waiter",
                  () -> {
                    rw.writeLock().lock();
                    try {
                      log.add("await(1s) " + loaded.await(1, TimeUnit.SECONDS) + " " + at());
                    } finally {
                      rw.writeLock().unlock();
                    }
                  });
          Weft.yieldNow();
          rw.writeLock().lock();
          loaded.signal(); // in time, but the waiter gets the write lock back only 3s later
          Weft.sleep(ofSeconds(3));
          rw.writeLock().unlock();
          waiter.join();
        });
    assertThat(log).containsExactly("await(1s) true @3s");
  }

  @Test
  void aWriterThatAlsoReadLockedAwaitsWithoutAnyHoldAndTakesBothBack() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          ReadWriteLock rw = Jdk.readWriteLock("cache");
          Condition loaded = rw.writeLock().newCondition();
          Task<Void> waiter =
              Weft.spawn(
                  "waiter",
                  () -> {
                    rw.writeLock().lock();
                    rw.readLock().lock(); // downgrading
                    try {
                      log.add("await(1s) " + loaded.await(1, TimeUnit.SECONDS) + " " + at());
                      log.add("then " + rw);
                    } finally {
                      rw.writeLock().unlock();
                      log.add("downgraded: " + rw);
                      rw.readLock().unlock();
                    }
                  });
          Weft.yieldNow();
          rw.readLock().lock(); // as with ReentrantReadWriteLock: the waiter holds nothing now
          log.add("main reads " + at() + ", " + rw);
          rw.readLock().unlock();
          waiter.join();
          log.add("after: " + rw);
        });
    assertThat(log)
        .containsExactly(
            "main reads @0s, read-write lock 'cache' (read-locked by main)",
            "await(1s) false @1s",
            "then read-write lock 'cache' (write-locked by waiter)",
            "downgraded: read-write lock 'cache' (read-locked by waiter)",
            "after: read-write lock 'cache' (free)");
  }

  @Test
  void aSignalledWriterWaitingToTakeTheWriteLockBackIsReportedSo() {
    assertThatThrownBy(
            () ->
                Weft.run(
                    () -> {
                      ReadWriteLock rw = Jdk.readWriteLock("cache");
                      Condition loaded = rw.writeLock().newCondition();
                      Task<Void> waiter =
                          Weft.spawn(
                              "waiter",
                              () -> {
                                rw.writeLock().lock();
                                loaded.await();
                              });
                      Weft.sleep(ofSeconds(1));
                      rw.writeLock().lock();
                      loaded.signal();
                      waiter.join();
                    }))
        .isInstanceOf(DeadlockException.class)
        .hasMessageContaining(
            "  waiter  blocked in await() on condition 1 of read-write lock 'cache''s write lock"
                + " (signalled, taking back the write lock, write-locked by main)\n");
  }
}
