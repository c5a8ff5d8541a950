package dev.weft.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * Creates the carrier threads that run task bodies: virtual threads when the JVM has them (Java
 * 21+), platform daemon threads otherwise.
 *
 * <p>The choice is made at run time, since Weft compiles for Java 17. The system property {@code
 * weft.carrier} ({@code virtual} or {@code platform}) overrides it, so both kinds can be tested on
 * one JDK.
 *
 * <p>Isolation from abandoned threads: a virtual thread that the watchdog gave up on (a busy loop,
 * a native call) may keep one of the few carrier threads of the JVM's virtual-thread scheduler for
 * as long as it runs, and no public API gives virtual threads a scheduler of their own (Java 21 to
 * 25). Once as many are stuck as there are carriers, no virtual thread runs any more, and a healthy
 * later run would fail for want of a carrier. So while any virtual thread that Weft abandoned is
 * still alive, new carriers are platform threads, whatever {@code weft.carrier} says: later runs
 * cost a platform thread per task, but nothing an earlier run left behind can stall them. Once the
 * abandoned threads have ended, virtual threads are used again.
 */
final class Carriers {
  private static final ThreadFactory VIRTUAL = virtualThreadFactory();
  private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

  /** Virtual threads Weft abandoned, in the order it did; pruned of those that have ended. */
  private static final List<Thread> ABANDONED = new ArrayList<>();

  private Carriers() {}

  /**
   * Records that Weft gave up on {@code thread}, still running: if it is a virtual thread, later
   * carriers are platform threads until it ends.
   *
   * @return whether later runs are isolated from it (it is a virtual thread)
   */
  static boolean abandoned(Thread thread) {
    if (!isVirtual(thread)) {
      return false;
    }
    synchronized (ABANDONED) {
      if (!ABANDONED.contains(thread)) {
        ABANDONED.add(thread);
      }
    }
    return true;
  }

  /** Whether a virtual thread Weft abandoned is still alive: new carriers are platform threads. */
  static boolean isolating() {
    synchronized (ABANDONED) {
      ABANDONED.removeIf(thread -> !thread.isAlive());
      return !ABANDONED.isEmpty();
    }
  }

  /**
   * How many carrier threads the JVM's scheduler for virtual threads has: {@code
   * jdk.virtualThreadScheduler.parallelism}, else the number of processors.
   */
  static int virtualParallelism() {
    Integer set = Integer.getInteger("jdk.virtualThreadScheduler.parallelism");
    return set != null && set > 0 ? set : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Says what the threads a run left running cost, and how later runs are kept apart from them: the
   * end of the report that names them.
   *
   * @param left the threads left running
   * @return one or two sentences
   */
  static String leftRunningCost(List<Thread> left) {
    boolean anyVirtual = false;
    boolean anyPlatform = false;
    for (Thread thread : left) {
      if (isVirtual(thread)) {
        anyVirtual = true;
      } else {
        anyPlatform = true;
      }
    }
    StringBuilder out = new StringBuilder();
    if (anyVirtual) {
      out.append(" A virtual thread left running can keep one of this JVM's ")
          .append(virtualParallelism())
          .append(
              " carrier threads for virtual threads busy; until it ends, later Weft runs in this")
          .append(
              " JVM run their tasks on platform threads, so that it cannot stall them (a platform")
          .append(" thread per task costs more to start).");
    }
    if (anyPlatform) {
      out.append(
          " A platform thread left running costs its stack and the CPU it uses until it ends; later"
              + " runs do not depend on it.");
    }
    return out.toString();
  }

  /** Returns whether {@code thread} is a virtual thread. */
  static boolean isVirtual(Thread thread) {
    if (IS_VIRTUAL == null) {
      return false;
    }
    try {
      return (boolean) IS_VIRTUAL.invoke(thread);
    } catch (Throwable e) {
      return false;
    }
  }

  /**
   * Returns an unstarted carrier thread for a task.
   *
   * @throws IllegalStateException if the system property {@code weft.carrier} has a value that
   *     cannot be honoured (checked on every call, so that the message reaches every run)
   */
  static Thread newCarrier(String taskName, Runnable body) {
    Thread thread;
    if (useVirtual()) {
      thread = VIRTUAL.newThread(body);
    } else {
      thread = new Thread(body);
      thread.setDaemon(true);
    }
    thread.setName("weft-" + taskName);
    return thread;
  }

  /** Returns whether new carriers are virtual threads. */
  static boolean virtual() {
    return useVirtual();
  }

  private static boolean useVirtual() {
    String wanted = System.getProperty("weft.carrier", "").trim().toLowerCase(Locale.ROOT);
    switch (wanted) {
      case "":
        return VIRTUAL != null && !isolating();
      case "platform":
        return false;
      case "virtual":
        if (VIRTUAL == null) {
          throw new IllegalStateException(
              "weft.carrier=virtual, but this JVM ("
                  + Runtime.version()
                  + ") has no virtual threads; use Java 21 or later, or weft.carrier=platform");
        }
        return !isolating();
      default:
        throw new IllegalStateException(
            "the system property weft.carrier must be 'virtual' or 'platform', but was '"
                + wanted
                + "'");
    }
  }

  private static MethodHandle isVirtualHandle() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (ReflectiveOperationException unavailable) {
      return null; // Java 17-20
    }
  }

  private static ThreadFactory virtualThreadFactory() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      MethodHandle ofVirtual =
          lookup.findStatic(
              Thread.class,
              "ofVirtual",
              MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")));
      MethodHandle factory =
          lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
      return (ThreadFactory) factory.invoke(ofVirtual.invoke());
    } catch (Throwable unavailable) {
      return null; // Java 17-20: platform threads
    }
  }
}
