package dev.weft.internal;

import java.security.CodeSource;

/**
 * Reads an error's stack trace to tell whether it was thrown inside Weft's own code (a stack
 * overflow halfway through a Weft call) or in the program's, and which Weft call the program made.
 * Only failures are read, so the cost does not matter.
 */
final class WeftFrames {
  private static final String INTERNAL = "dev.weft.internal.";

  private WeftFrames() {}

  /**
   * Returns whether {@code error} was thrown inside Weft's implementation: the first frame from the
   * top that is not the JDK's belongs to it.
   */
  static boolean threwInside(Throwable error) {
    StackTraceElement[] trace = error.getStackTrace();
    for (StackTraceElement frame : trace) {
      String name = frame.getClassName();
      if (!isJdk(name)) {
        return name.startsWith(INTERNAL);
      }
    }
    return false;
  }

  /**
   * Returns the Weft call that the program made when {@code error} was thrown inside it, as the
   * program wrote it ({@code "Weft.yieldNow"}, {@code "Queue.put"}, or the method's name for a
   * task's {@code join}), or {@code null} if it was not thrown inside Weft.
   */
  static String callThatThrew(Throwable error) {
    if (!threwInside(error)) {
      return null;
    }
    String call = null;
    for (StackTraceElement frame : error.getStackTrace()) {
      String name = frame.getClassName();
      if (name.startsWith(INTERNAL)) {
        call = frame.getMethodName();
      } else if (isPublicWeftClass(name)) {
        return name.substring(name.lastIndexOf('.') + 1) + "." + frame.getMethodName();
      } else if (!isJdk(name)) {
        return call;
      }
    }
    return call;
  }

  private static boolean isJdk(String className) {
    return className.startsWith("java.")
        || className.startsWith("jdk.")
        || className.startsWith("sun.")
        || className.startsWith("com.sun.");
  }

  /**
   * A class of Weft's public API ({@code dev.weft.Weft}, {@code dev.weft.Queue}), not the user's.
   */
  private static boolean isPublicWeftClass(String className) {
    if (!className.startsWith("dev.weft.") || className.indexOf('.', "dev.weft.".length()) >= 0) {
      return false;
    }
    try {
      Class<?> type = Class.forName(className, false, WeftFrames.class.getClassLoader());
      CodeSource ours = WeftFrames.class.getProtectionDomain().getCodeSource();
      CodeSource its = type.getProtectionDomain().getCodeSource();
      return ours == null
          ? its == null
          : its != null
              && String.valueOf(ours.getLocation()).equals(String.valueOf(its.getLocation()));
    } catch (ClassNotFoundException | LinkageError | SecurityException e) {
      return false;
    }
  }
}
