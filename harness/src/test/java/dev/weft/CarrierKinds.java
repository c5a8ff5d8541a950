package dev.weft;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a test body once per kind of carrier thread this JVM has: platform threads always, and
 * virtual threads on Java 21+, through the system property {@code weft.carrier} that Weft reads at
 * every run. Tests in this module run one at a time, so setting it is safe.
 */
final class CarrierKinds {
  private static final String PROPERTY = "weft.carrier";

  private CarrierKinds() {}

  /** The kinds this JVM can run: {@code platform}, and {@code virtual} on Java 21+. */
  static List<String> available() {
    return Runtime.version().feature() >= 21 ? List.of("platform", "virtual") : List.of("platform");
  }

  /** Runs {@code body} with each available kind in turn, then restores the property. */
  static void each(Consumer<String> body) {
    String before = System.getProperty(PROPERTY);
    try {
      for (String kind : available()) {
        System.setProperty(PROPERTY, kind);
        body.accept(kind);
      }
    } finally {
      if (before == null) {
        System.clearProperty(PROPERTY);
      } else {
        System.setProperty(PROPERTY, before);
      }
    }
  }

  /** Whether a frame, {@code class.method}, is Weft's own code rather than the test's or JDK's. */
  static boolean isWeftFrame(String frame) {
    return frame.startsWith("dev.weft.internal.")
        || frame.startsWith("dev.weft.Weft.")
        || frame.startsWith("dev.weft.Queue.");
  }
}
