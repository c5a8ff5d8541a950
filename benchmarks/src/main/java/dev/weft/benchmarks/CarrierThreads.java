package dev.weft.benchmarks;

import dev.weft.Weft;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * The kind of carrier thread Weft runs task bodies on, seen from outside the harness, so that a
 * benchmark can name it and build raw threads of the same kind.
 *
 * <p>Mirrors Weft's own choice ({@code dev.weft.internal.Carriers}, which is not public): virtual
 * threads when the JVM has them (Java 21+), platform threads otherwise, unless the system property
 * {@code weft.carrier} says {@code platform} or {@code virtual}. {@link #weftKind()} checks the
 * mirror against the thread a real Weft task runs on.
 */
final class CarrierThreads {
  static final String PROPERTY = "weft.carrier";

  private CarrierThreads() {}

  /** Returns whether this JVM has virtual threads (Java 21+). */
  static boolean jvmHasVirtualThreads() {
    return isVirtualMethod() != null;
  }

  /**
   * Returns {@code "virtual"} or {@code "platform"}: the kind Weft picks under the current
   * property.
   */
  static String expectedKind() {
    String wanted = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
    if (wanted.isEmpty()) {
      return jvmHasVirtualThreads() ? "virtual" : "platform";
    }
    return wanted;
  }

  /** Returns the kind of thread a Weft task body actually runs on. */
  static String weftKind() {
    return Weft.run(() -> kindOf(Thread.currentThread()));
  }

  /** Returns {@code "virtual"} or {@code "platform"} for {@code thread}. */
  static String kindOf(Thread thread) {
    Method isVirtual = isVirtualMethod();
    if (isVirtual == null) {
      return "platform";
    }
    try {
      return (Boolean) isVirtual.invoke(thread) ? "virtual" : "platform";
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call Thread.isVirtual()", e);
    }
  }

  /**
   * Returns a factory for threads of {@code kind}, made as Weft makes its carriers: virtual threads
   * from {@code Thread.ofVirtual().factory()}, or platform daemon threads.
   */
  static ThreadFactory factory(String kind) {
    if ("platform".equals(kind)) {
      return body -> {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        return thread;
      };
    }
    if (!"virtual".equals(kind)) {
      throw new IllegalArgumentException("kind must be 'virtual' or 'platform', but was " + kind);
    }
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Method factory = Class.forName("java.lang.Thread$Builder").getMethod("factory");
      return (ThreadFactory) factory.invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "this JVM (" + Runtime.version() + ") has no virtual threads; use Java 21 or later", e);
    }
  }

  private static Method isVirtualMethod() {
    try {
      return Thread.class.getMethod("isVirtual");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
