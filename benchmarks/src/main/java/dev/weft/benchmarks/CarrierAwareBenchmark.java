package dev.weft.benchmarks;

import java.util.concurrent.ThreadFactory;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Common state of the Weft benchmarks: which kind of carrier thread Weft uses in this fork.
 *
 * <p>The parameter {@code carrier} is {@code default} (Weft's own choice, or whatever {@code
 * -Dweft.carrier=...} given to the forked JVM says), {@code platform} or {@code virtual}. JMH runs
 * each parameter value in its own fork, so {@code -p carrier=platform,virtual} compares both kinds
 * on one JDK. The setup prints the resolved kind, which is the one to read the scores by, and fails
 * if Weft's tasks do not actually run on that kind of thread.
 */
@State(Scope.Benchmark)
public abstract class CarrierAwareBenchmark {
  /** {@code default}, {@code platform} or {@code virtual}; see the class comment. */
  @Param({"default"})
  public String carrier;

  /** The kind of thread Weft's tasks run on in this fork: {@code virtual} or {@code platform}. */
  protected String carrierKind;

  /** Makes raw threads of {@link #carrierKind}, as Weft makes its carriers; for baselines. */
  protected ThreadFactory rawThreads;

  /** Applies {@link #carrier} before Weft picks its carrier kind, and reports the result. */
  @Setup(Level.Trial)
  public void resolveCarrier() {
    if (!"default".equals(carrier)) {
      // Set before this fork's first Weft.run creates a carrier thread.
      System.setProperty(CarrierThreads.PROPERTY, carrier);
    }
    String expected = CarrierThreads.expectedKind();
    String actual = CarrierThreads.weftKind();
    if (!expected.equals(actual)) {
      throw new IllegalStateException(
          "Weft runs tasks on "
              + actual
              + " threads, but "
              + expected
              + " was asked for (carrier="
              + carrier
              + "); run with forks (-f 1 or more) so that each carrier value gets a fresh JVM");
    }
    carrierKind = actual;
    rawThreads = CarrierThreads.factory(actual);
    System.out.println(
        "# Weft carrier: "
            + actual
            + " threads (JDK "
            + Runtime.version()
            + ", carrier="
            + carrier
            + ", -D"
            + CarrierThreads.PROPERTY
            + "="
            + System.getProperty(CarrierThreads.PROPERTY, "<unset>")
            + ")");
  }
}
