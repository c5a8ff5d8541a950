package dev.weft.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * Creates the carrier threads that run task bodies: virtual threads when the JVM has them (Java
 * 21+), platform daemon threads otherwise.
 *
 * <p>The choice is made at run time, since Weft compiles for Java 17. The system property {@code
 * weft.carrier} ({@code virtual} or {@code platform}) overrides it, so both kinds can be tested on
 * one JDK.
 */
final class Carriers {
  private static final ThreadFactory VIRTUAL = virtualThreadFactory();

  private Carriers() {}

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
        return VIRTUAL != null;
      case "platform":
        return false;
      case "virtual":
        if (VIRTUAL == null) {
          throw new IllegalStateException(
              "weft.carrier=virtual, but this JVM ("
                  + Runtime.version()
                  + ") has no virtual threads; use Java 21 or later, or weft.carrier=platform");
        }
        return true;
      default:
        throw new IllegalStateException(
            "the system property weft.carrier must be 'virtual' or 'platform', but was '"
                + wanted
                + "'");
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
