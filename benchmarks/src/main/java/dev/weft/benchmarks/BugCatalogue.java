package dev.weft.benchmarks;

import dev.weft.Event;
import dev.weft.Lock;
import dev.weft.Preemption;
import dev.weft.Queue;
import dev.weft.QueueEmptyException;
import dev.weft.Semaphore;
import dev.weft.Task;
import dev.weft.TaskGroupException;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Eighteen concurrency bugs written in Weft's model, each as a scenario that fails in some
 * schedules: what {@link StrategyComparison} searches with each strategy. The first thirteen are
 * classic bugs that mirror the patterns of the samples' bug catalogue, written again here
 * (benchmarks do not depend on test code), with order violations of depth 2 and 3 and a
 * data-dependent bug added. Each of them fails when a few passes are ordered one way, which {@code
 * random} meets with even chances per pass.
 *
 * <p>The next four need an order kept through many passes: a task that stays ahead of another (or,
 * at depth 2 and 3, stays ahead, then behind, then ahead) for several ticks or calls in a row.
 * {@code random} orders each pass anew, so it meets such a run of passes with a chance that halves
 * with every pass; PCT's priorities keep the order until a change point. The last bug needs a
 * task's step to run before a plain callback of the same pass.
 *
 * <p>The depth of a bug is PCT's measure: how many ordering constraints a failing run must meet,
 * where an order kept through several passes by the same priorities counts once; a depth-0 bug
 * fails in asyncio's own order.
 *
 * <p>Each step that reads or writes a plain field other tasks also use says so with {@code
 * Weft.touch}, so that {@code exhaustive(k, declared)} may search them; the other strategies ignore
 * those calls.
 */
final class BugCatalogue {
  private BugCatalogue() {}

  /**
   * One bug of the catalogue.
   *
   * @param name a short name, for the table
   * @param depth how many ordering constraints a failing run meets, as the scenario was designed
   * @param preemption the preemption mode the bug needs
   * @param scenario the program, which throws (or deadlocks) when the bug shows
   */
  record Bug(String name, int depth, Preemption preemption, ThrowingRunnable scenario) {}

  /** Every bug, in the order of the table. */
  static List<Bug> all() {
    Preemption coop = Preemption.COOPERATIVE;
    return List.of(
        new Bug("lost update across an await", 1, coop, BugCatalogue::lostUpdate),
        new Bug("lost update, thread style", 1, Preemption.EVERY_OPERATION, BugCatalogue::hits),
        new Bug("check-then-act cache", 1, coop, BugCatalogue::checkThenAct),
        new Bug("isFull then putNowait", 1, coop, BugCatalogue::isFullThenPut),
        new Bug("lost wake-up (event pulse)", 1, coop, BugCatalogue::lostWakeUp),
        new Bug("lock-order deadlock", 1, coop, BugCatalogue::lockOrder),
        new Bug("forgotten taskDone", 0, coop, BugCatalogue::forgottenTaskDone),
        new Bug("timeout leaks a permit", 1, coop, BugCatalogue::timeoutLeaksPermit),
        new Bug("order violation, depth 1", 1, coop, BugCatalogue::useBeforeInit),
        new Bug("order violation, depth 2", 2, coop, BugCatalogue::closeWhileSending),
        new Bug("delayed double delete, depth 3", 3, coop, BugCatalogue::delayedDoubleDelete),
        new Bug("data-dependent pool overflow", 1, coop, BugCatalogue::poolOverflow),
        new Bug("stop signals before producers", 1, coop, BugCatalogue::stopSignalsFirst),
        new Bug("lease expires on the boundary", 1, coop, BugCatalogue::leaseBoundary),
        new Bug("breaker opens on a healthy server", 1, coop, BugCatalogue::breakerOpens),
        new Bug("flapping detector, depth 2", 2, coop, BugCatalogue::flappingDetector),
        new Bug("stopped standby reused, depth 3", 3, coop, BugCatalogue::stoppedStandby),
        new Bug("group cancels a sibling too late", 1, coop, BugCatalogue::chargeAfterDecline));
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }

  /** Two deposits read the balance, await an audit, and write back: one is lost. */
  static void lostUpdate() {
    int[] balance = {100};
    List<Task<Void>> tasks = new ArrayList<>();
    for (String name : List.of("salary", "refund")) {
      tasks.add(
          Weft.spawn(
              name,
              () -> {
                if (name.equals("refund")) {
                  Weft.yieldNow(); // the refund checks the order first
                }
                Weft.touch("balance");
                int read = balance[0];
                Weft.yieldNow(); // the audit log write
                Weft.touch("balance");
                balance[0] = read + 10;
              }));
    }
    Weft.gather(tasks);
    check(balance[0] == 120, "balance " + balance[0] + ", not 120");
  }

  /** Three threads increment a counter, read and write separated by a checkpoint. */
  static void hits() {
    int[] hits = {0};
    List<Task<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      tasks.add(
          Weft.spawn(
              "t" + t,
              () -> {
                Weft.touch("hits");
                int read = hits[0];
                Weft.checkpoint();
                Weft.touch("hits");
                hits[0] = read + 1;
              }));
    }
    Weft.gather(tasks);
    check(hits[0] == 3, "hits " + hits[0] + ", not 3");
  }

  /** Two requests miss the cache while the first fetch is in flight: the backend is asked twice. */
  static void checkThenAct() {
    Map<String, Long> cache = new HashMap<>();
    int[] fetches = {0};
    List<Task<Long>> tasks = new ArrayList<>();
    List<String> pages = List.of("home", "cart", "search");
    for (int p = 0; p < pages.size(); p++) {
      int rendering = p;
      tasks.add(
          Weft.spawn(
              pages.get(p),
              () -> {
                for (int i = 0; i < rendering; i++) {
                  Weft.yieldNow(); // rendering before the price is needed
                }
                Weft.touch("cache");
                Long price = cache.get("apple");
                if (price == null) {
                  fetches[0]++;
                  Weft.yieldNow(); // the fetch
                  price = 1999L;
                  Weft.touch("cache");
                  cache.put("apple", price);
                }
                return price;
              }));
    }
    Weft.gather(tasks);
    check(fetches[0] == 1, fetches[0] + " fetches, not 1");
  }

  /** Two senders check isFull, await, then putNowait into a queue with room for one more. */
  static void isFullThenPut() {
    Queue<String> outbox = new Queue<>("outbox", 2);
    outbox.putNowait("first");
    List<Task<Void>> tasks = new ArrayList<>();
    for (String name : List.of("s1", "s2")) {
      tasks.add(
          Weft.spawn(
              name,
              () -> {
                Weft.yieldNow();
                if (name.equals("s2")) {
                  Weft.yieldNow();
                }
                if (!outbox.isFull()) {
                  Weft.yieldNow(); // build the message
                  outbox.putNowait(name); // QueueFullException if the other got there first
                }
              }));
    }
    Weft.gather(tasks);
  }

  /**
   * A lost wake-up: a waiter checks a flag, then waits on an event that the notifier pulses ({@code
   * set} then {@code clear}); a pulse between the check and the wait is lost, and the waiter waits
   * for ever.
   */
  static void lostWakeUp() {
    Event wake = new Event("wake");
    boolean[] work = {false};
    Task<Void> waiter =
        Weft.spawn(
            "waiter",
            () -> {
              Weft.touch("work");
              if (!work[0]) {
                Weft.yieldNow(); // log that it goes to sleep
                wake.await();
              }
            });
    Task<Void> notifier =
        Weft.spawn(
            "notifier",
            () -> {
              Weft.yieldNow(); // produce the work
              Weft.touch("work");
              work[0] = true;
              wake.set();
              wake.clear();
            });
    Weft.gather(waiter, notifier);
  }

  /** Two transfers take the two accounts' locks in opposite orders. */
  static void lockOrder() {
    Lock alice = new Lock("alice");
    Lock bob = new Lock("bob");
    Task<Void> one = Weft.spawn("alice-pays-bob", () -> transfer(alice, bob));
    Task<Void> two =
        Weft.spawn(
            "bob-pays-alice",
            () -> {
              Weft.yieldNow(); // bob logs in a little later
              transfer(bob, alice);
            });
    Weft.gather(one, two);
  }

  private static void transfer(Lock from, Lock to) {
    from.acquire();
    try {
      Weft.yieldNow(); // read the balance
      to.acquire();
      to.release();
    } finally {
      from.release();
    }
  }

  /** A worker skips taskDone on the item that fails to parse: main waits in join for ever. */
  static void forgottenTaskDone() {
    Queue<Integer> jobs = new Queue<>("jobs", 0);
    int bad = Weft.choose(4) - 1; // which of the jobs is malformed, if any (-1: none)
    Task<Void> worker =
        Weft.spawn(
            "worker",
            () -> {
              for (; ; ) {
                int job = jobs.get();
                if (job == bad) {
                  continue; // skips taskDone
                }
                Weft.yieldNow();
                jobs.taskDone();
              }
            });
    for (int i = 0; i < 3; i++) {
      jobs.put(i);
    }
    jobs.join();
    worker.cancel();
    Weft.gatherSettled(List.of(worker));
  }

  /** A deadline that cancels a call between acquire and the try that releases leaks a permit. */
  static void timeoutLeaksPermit() {
    Semaphore connections = new Semaphore("connections", 2);
    List<Task<String>> calls = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      String name = "req-" + r;
      calls.add(
          Weft.spawn(
              name,
              () -> {
                try {
                  return Weft.withTimeout(
                      Duration.ofMillis(50),
                      () -> {
                        connections.acquire();
                        Weft.sleep(Duration.ofMillis(10 + 30 * Weft.choose(3))); // handshake
                        try {
                          Weft.sleep(Duration.ofMillis(10));
                          return "ok";
                        } finally {
                          connections.release();
                        }
                      });
                } catch (dev.weft.TimedOutException timedOut) {
                  return "timed out";
                }
              }));
    }
    Weft.gather(calls);
    check(
        connections.availablePermits() == 2,
        connections.availablePermits() + " free connections, not 2");
  }

  /** A request reads the configuration before the initializer has set it. */
  static void useBeforeInit() {
    Map<String, String> config = new HashMap<>();
    Event loaded = new Event("loaded");
    Task<Void> init =
        Weft.spawn(
            "init",
            () -> {
              Weft.yieldNow(); // read the file
              Weft.touch("config");
              config.put("rate", "1.1");
              loaded.set();
            });
    Task<String> request =
        Weft.spawn(
            "request",
            () -> {
              Weft.yieldNow(); // parse the request; no wait on the event: the bug
              Weft.touch("config");
              return config.get("rate").toUpperCase();
            });
    Weft.gather(init, request);
  }

  /**
   * A sender checks that the channel is not closing, then sends two parts; a closer marks it
   * closing, then closes it: the sender must check before the mark (1) and send its second part
   * after the close (2).
   */
  static void closeWhileSending() {
    boolean[] closing = {false};
    boolean[] open = {true};
    Task<Void> closer =
        Weft.spawn(
            "closer",
            () -> {
              Weft.touch("channel");
              closing[0] = true;
              Weft.yieldNow(); // drain
              Weft.touch("channel");
              open[0] = false;
            });
    Task<Void> sender =
        Weft.spawn(
            "sender",
            () -> {
              Weft.touch("channel");
              if (!closing[0]) {
                Weft.yieldNow(); // send the header
                Weft.touch("channel");
                check(open[0], "sent the body on a closed channel");
              }
            });
    Task<Void> monitor = Weft.spawn("monitor", () -> noise(3));
    Weft.gather(closer, sender, monitor);
  }

  private static void noise(int steps) {
    for (int i = 0; i < steps; i++) {
      Weft.yieldNow();
    }
  }

  /**
   * A cache's delayed double delete: the writer updates the database, deletes the cache entry, and
   * deletes it again a moment later; a reader that missed the cache and read the old value from the
   * database writes it back with {@code putIfAbsent}, and a warmer fills the cache from the
   * database. The cache stays stale only if the reader reads the database before the update (1),
   * and writes back after the second delete (2) but before the warmer (3).
   */
  static void delayedDoubleDelete() {
    Map<String, Integer> database = new HashMap<>(Map.of("k", 1));
    Map<String, Integer> cache = new HashMap<>();
    Task<Void> writer =
        Weft.spawn(
            "writer",
            () -> {
              Weft.yieldNow();
              Weft.touch("database");
              database.put("k", 2);
              Weft.yieldNow();
              Weft.touch("cache");
              cache.remove("k");
              Weft.yieldNow();
              Weft.yieldNow(); // the delay before the second delete
              Weft.touch("cache");
              cache.remove("k");
            });
    Task<Void> reader =
        Weft.spawn(
            "reader",
            () -> {
              Weft.yieldNow();
              Weft.touch("cache");
              Weft.touch("database");
              if (cache.get("k") == null) {
                int value = database.get("k");
                noise(3); // a slow load
                Weft.touch("cache");
                cache.putIfAbsent("k", value);
              }
            });
    Task<Void> warmer =
        Weft.spawn(
            "warmer",
            () -> {
              noise(4);
              Weft.touch("cache");
              Weft.touch("database");
              cache.computeIfAbsent("k", database::get);
            });
    Weft.gather(writer, reader, warmer);
    Integer cached = cache.get("k");
    check(cached == null || cached.equals(database.get("k")), "the cache holds a stale " + cached);
  }

  /**
   * A pool of 3 slots whose clients check for a free slot, await, then take it: it overflows only
   * with 4 or more clients (a {@code Weft.choose}) and two of them checking before either takes.
   */
  static void poolOverflow() {
    int[] inUse = {0};
    int clients = 1 + Weft.choose(4);
    List<Task<Void>> tasks = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int arrival = c;
      tasks.add(
          Weft.spawn(
              "client-" + c,
              () -> {
                noise(arrival); // the clients arrive one after another
                Weft.touch("pool");
                if (inUse[0] < 3) {
                  Weft.yieldNow(); // open the connection
                  Weft.touch("pool");
                  inUse[0]++;
                  check(inUse[0] <= 3, inUse[0] + " slots in use, of 3");
                  Weft.sleep(Duration.ofMillis(10));
                  Weft.touch("pool");
                  inUse[0]--;
                }
              }));
    }
    Weft.gather(tasks);
  }

  /**
   * The seed's bug: the stop signals are queued before the producers are awaited, so items are lost
   * or the program deadlocks.
   */
  static void stopSignalsFirst() {
    Queue<String> items = new Queue<>("items", 2);
    int countA = 1 + Weft.choose(2);
    int countB = 1 + Weft.choose(2);
    List<Task<?>> all = new ArrayList<>();
    all.add(Weft.spawn("A", () -> produce(items, "A", countA)));
    all.add(Weft.spawn("B", () -> produce(items, "B", countB)));
    List<String> processed = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      all.add(
          Weft.spawn(
              "C" + c,
              () -> {
                for (String item = items.get(); !item.equals("DONE"); item = items.get()) {
                  processed.add(item);
                }
              }));
    }
    for (int c = 0; c < 2; c++) {
      items.put("DONE");
    }
    Weft.gather(all);
    check(processed.size() == countA + countB, "lost items: processed " + processed);
  }

  private static void produce(Queue<String> items, String name, int count) {
    for (int i = 0; i < count; i++) {
      items.put(name + i);
    }
  }

  /** The heartbeat period of the failure detectors below. */
  private static final Duration PERIOD = Duration.ofMillis(10);

  /**
   * A worker that beats every period, until {@code stopped[0]}: it records the time of each beat.
   */
  private static Task<Void> heartbeats(Duration[] lastBeat, boolean[] stopped) {
    return Weft.spawn(
        "worker",
        () -> {
          for (Weft.touch("worker"); !stopped[0]; Weft.touch("worker")) {
            lastBeat[0] = Weft.elapsed();
            Weft.sleep(PERIOD);
          }
        });
  }

  /**
   * Whether the last beat is a whole period old: {@code >=} where it should be {@code >}. Worker
   * and monitor wake on the same ticks, so a check that runs before its tick's beat sees the last
   * tick's beat, exactly one period old.
   */
  private static boolean missed(Duration[] lastBeat) {
    Weft.touch("worker");
    return Weft.elapsed().minus(lastBeat[0]).compareTo(PERIOD) >= 0;
  }

  /**
   * A lease monitor declares its worker dead after 5 missed beats in a row, and counts a beat as
   * missed when it is a whole period old ({@link #missed}). A check misses exactly when the monitor
   * runs before the worker at its tick, so a healthy worker is declared dead when the monitor stays
   * ahead of it for 5 ticks. Depth 1 in PCT's sense (one order, kept): {@code random} orders every
   * tick anew and meets it 1 time in 32 per window.
   */
  static void leaseBoundary() {
    Duration[] lastBeat = {Duration.ZERO};
    boolean[] stopped = {false};
    Task<Void> worker = heartbeats(lastBeat, stopped);
    Task<Void> monitor =
        Weft.spawn(
            "monitor",
            () -> {
              int missedInARow = 0;
              for (int check = 0; check < 8; check++) {
                Weft.sleep(PERIOD);
                missedInARow = missed(lastBeat) ? missedInARow + 1 : 0;
                check(missedInARow < 5, "a healthy worker declared dead");
              }
              stop(stopped);
            });
    Weft.gather(worker, monitor);
  }

  /**
   * A client calls a server through two queues and polls for each reply with {@code getNowait},
   * yielding between polls; its circuit breaker opens after 4 slow calls in a row, a slow call
   * being one whose reply was not there at the first poll. The server answers at once, in the pass
   * after the request, so a call is slow exactly when the client polls before the server runs in
   * that pass: the breaker opens on a healthy server if the client stays ahead of it for 4 calls.
   * Depth 1 in PCT's sense.
   */
  static void breakerOpens() {
    Queue<Integer> requests = new Queue<>("requests", 0);
    Queue<Integer> replies = new Queue<>("replies", 0);
    Task<Void> server =
        Weft.spawn(
            "server",
            () -> {
              for (int request = requests.get(); request >= 0; request = requests.get()) {
                replies.putNowait(request * 2);
              }
            });
    Task<Void> client =
        Weft.spawn(
            "client",
            () -> {
              int slowInARow = 0;
              for (int call = 0; call < 6; call++) {
                requests.putNowait(call);
                for (int polls = 1; ; polls++) {
                  Weft.yieldNow(); // let the server answer
                  try {
                    replies.getNowait();
                  } catch (QueueEmptyException notYet) {
                    continue;
                  }
                  slowInARow = polls > 1 ? slowInARow + 1 : 0;
                  break;
                }
                check(slowInARow < 4, "the breaker opened on a healthy server");
              }
              requests.putNowait(-1);
            });
    Weft.gather(server, client);
  }

  /** Tells the worker of {@link #heartbeats} to stop beating. */
  private static void stop(boolean[] stopped) {
    Weft.touch("worker");
    stopped[0] = true;
  }

  /** The missed and the good beats in a row, as a failure detector with hysteresis counts them. */
  private static final class Streaks {
    int missed;
    int beats;

    /** Counts this tick's check ({@link #missed}): one streak grows, the other starts over. */
    void count(Duration[] lastBeat) {
      if (missed(lastBeat)) {
        missed++;
        beats = 0;
      } else {
        beats++;
        missed = 0;
      }
    }
  }

  /**
   * A failure detector with hysteresis: after 4 missed beats in a row ({@link #missed}) it fails
   * the worker's shard over to a standby, after 4 good ones in a row it puts the worker back, but
   * forgets to take the shard from the standby: both serve it. Depth 2 in PCT's sense: the detector
   * ahead of the worker for 4 ticks, then behind it for 4.
   */
  static void flappingDetector() {
    Duration[] lastBeat = {Duration.ZERO};
    boolean[] stopped = {false};
    Task<Void> worker = heartbeats(lastBeat, stopped);
    Task<Void> detector =
        Weft.spawn(
            "detector",
            () -> {
              boolean workerServes = true;
              boolean standbyServes = false;
              Streaks streaks = new Streaks();
              for (int check = 0; check < 12; check++) {
                Weft.sleep(PERIOD);
                streaks.count(lastBeat);
                if (streaks.missed == 4 && workerServes) {
                  workerServes = false;
                  standbyServes = true;
                } else if (streaks.beats == 4 && !workerServes) {
                  workerServes = true; // and the standby keeps serving: the bug
                }
                check(!(workerServes && standbyServes), "split brain: worker and standby serve");
              }
              stop(stopped);
            });
    Weft.gather(worker, detector);
  }

  /**
   * The detector of {@link #flappingDetector}, fixed to stop the standby when the worker comes
   * back; but it keeps the stopped standby's handle, and when the worker is declared dead again it
   * sees a standby and starts none: nobody serves the shard. Depth 3 in PCT's sense: the detector
   * ahead of the worker for 4 ticks, behind it for 4, then ahead again for 4.
   */
  static void stoppedStandby() {
    Duration[] lastBeat = {Duration.ZERO};
    boolean[] stopped = {false};
    Task<Void> worker = heartbeats(lastBeat, stopped);
    Task<Void> detector =
        Weft.spawn(
            "detector",
            () -> {
              boolean workerServes = true;
              Task<Void> standby = null;
              Streaks streaks = new Streaks();
              for (int check = 0; check < 16; check++) {
                Weft.sleep(PERIOD);
                streaks.count(lastBeat);
                if (streaks.missed == 4 && workerServes) {
                  workerServes = false;
                  if (standby == null) { // a stopped standby is not null: the bug
                    standby = Weft.spawn("standby", () -> Weft.sleep(Duration.ofDays(1)));
                  }
                } else if (streaks.beats == 4 && !workerServes) {
                  workerServes = true;
                  standby.cancel();
                }
                check(
                    workerServes || !standby.isDone(),
                    "nobody serves the shard: the standby stopped");
              }
              stop(stopped);
              if (standby != null) {
                standby.cancel();
                Weft.gatherSettled(List.of(standby));
              }
            });
    Weft.gather(worker, detector);
  }

  /**
   * A checkout validates the card and charges it in one task group: when the validation fails, the
   * group cancels the charge, but by a done callback that runs in the pass after the failure, and
   * the charge's step in that pass may run before it. The charge commits after an await without
   * checking that the checkout is still on. Depth 1, but the order is between a task's step and a
   * plain callback.
   */
  static void chargeAfterDecline() {
    boolean[] charged = {false};
    try {
      Weft.taskGroup(
          group -> {
            group.spawn(
                "validate",
                () -> {
                  Weft.yieldNow(); // ask the card network
                  throw new IllegalStateException("card declined");
                });
            group.spawn(
                "charge",
                () -> {
                  Weft.yieldNow(); // reserve the amount
                  Weft.yieldNow(); // capture it
                  Weft.touch("charged");
                  charged[0] = true;
                });
          });
    } catch (TaskGroupException declined) {
      Weft.touch("charged");
      check(!charged[0], "charged a declined card");
    }
  }
}
