package dev.weft.benchmarks;

import dev.weft.RunOptions;
import dev.weft.Task;
import dev.weft.Weft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * How the cost of a task grows with the number of tasks alive at once, in Weft and in raw threads
 * of the same kind: a plain program, not a JMH benchmark, since one measurement of 10,000 live
 * platform threads takes tens of seconds.
 *
 * <p>For each count {@code n} given as an argument, it times one {@code Weft.run} whose main spawns
 * {@code n} tasks that each sleep one virtual second (so all {@code n} are alive at once) and
 * gathers them; then the same pattern without Weft: {@code n} raw threads of the kind Weft uses
 * (see {@link CarrierThreads}), each started and handed a baton (a volatile turn and {@code
 * LockSupport.unpark}) once to start and once to end, as Weft's carriers are. It prints the time
 * per task of both. Where both grow alike, the growth is the JVM's and operating system's cost of
 * many live threads, not Weft's.
 *
 * <pre>{@code
 * mvn -B -q -Pbenchmarks package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.weft.benchmarks.LiveTasksScaling 1000 2500 5000 10000
 * }</pre>
 */
public final class LiveTasksScaling {
  private LiveTasksScaling() {}

  /**
   * Runs the measurement for each count.
   *
   * @param args the numbers of live tasks, e.g. {@code 1000 2500 5000 10000}
   * @throws Exception if a thread is interrupted
   */
  public static void main(String[] args) throws Exception {
    String kind = CarrierThreads.weftKind();
    ThreadFactory threads = CarrierThreads.factory(kind);
    System.out.println("Java " + Runtime.version() + ", carriers: " + kind + " threads");
    for (String arg : args) {
      int n = Integer.parseInt(arg);
      long weft = weftNanos(n);
      long raw = rawNanos(threads, n);
      System.out.printf(
          "%,7d live tasks: Weft %,8d ms (%,6.0f us a task), raw threads %,8d ms (%,6.0f us a"
              + " thread)%n",
          n, weft / 1_000_000, weft / 1e3 / n, raw / 1_000_000, raw / 1e3 / n);
    }
  }

  private static long weftNanos(int n) {
    long started = System.nanoTime();
    Weft.run(
        RunOptions.defaults().maxSteps(100_000_000),
        () -> {
          List<Task<Void>> tasks = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            tasks.add(Weft.spawn("t" + i, () -> Weft.sleep(Duration.ofSeconds(1))));
          }
          return Weft.gather(tasks);
        });
    return System.nanoTime() - started;
  }

  /** Whose turn it is: a thread's index to start it, n + index to end it, -1 for the driver's. */
  private static volatile int turn;

  private static long rawNanos(ThreadFactory factory, int n) throws InterruptedException {
    Thread driver = Thread.currentThread();
    Thread[] threads = new Thread[n];
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) {
      int id = i;
      threads[i] =
          factory.newThread(
              () -> {
                awaitTurn(id);
                handBack(driver);
                awaitTurn(n + id);
                handBack(driver);
              });
      turn = id;
      threads[i].start();
      awaitTurn(-1);
    }
    for (int i = 0; i < n; i++) {
      turn = n + i;
      LockSupport.unpark(threads[i]);
      awaitTurn(-1);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return System.nanoTime() - started;
  }

  private static void awaitTurn(int id) {
    while (turn != id) {
      LockSupport.park();
    }
  }

  private static void handBack(Thread driver) {
    turn = -1;
    LockSupport.unpark(driver);
  }
}
