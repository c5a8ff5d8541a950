package dev.weft.junit;

import dev.weft.Preemption;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A property over schedules: the test method runs again and again, each time as the task {@code
 * main} of a fresh run whose choice points (which ready task runs next, {@link
 * dev.weft.Weft#choose} values, and under {@link Preemption#EVERY_OPERATION} switches at
 * operations) a strategy decides. It is one test in every report and IDE, however many tries it
 * runs.
 *
 * <pre>{@code
 * @Explore(tries = 2_000)
 * void everyItemIsConsumed(ProducerConsumer program) {
 *   ProducerConsumer.Result result = program.shutdown(Shutdown.SKIP_PRODUCER_AWAIT).run();
 *   assertThat(result.lost()).isEmpty();
 * }
 * }</pre>
 *
 * <p>The first failing try (with {@link #everyFailure()}, the first try of each distinct failure)
 * is shrunk to the smallest schedule that fails the same way, and the test fails with an {@link
 * AssertionError} whose message is the report: the failure, the minimal schedule, the seed, a
 * timeline, and the line {@code @Replay("...")} to paste on the method to run exactly that
 * schedule. Its cause is the minimal run's failure. The minimal schedule is also kept in the
 * failure database (configuration parameter {@code weft.database}, default {@code .weft}) and tried
 * first the next time the test runs, until it passes.
 *
 * <p>Each try invokes the method afresh, with parameters that Weft provides ({@link
 * ProducerConsumer}) resolved anew; JUnit's own parameters ({@code TestInfo}, ...) are resolved
 * once. The body runs on a carrier thread, not JUnit's, as in {@link WeftTest}. {@code @BeforeEach}
 * and {@code @AfterEach} run once around the whole exploration, not around each try: state a try
 * needs belongs in the method body. A try aborted by an assumption ({@code Assumptions.assumeTrue})
 * is discarded, neither passing nor failing; if every try is discarded, the test is aborted.
 *
 * <p>An attribute left at its default takes the configuration parameter (from {@code
 * junit-platform.properties}, {@code -D}, or Surefire's {@code configurationParameters}), else
 * Weft's default: {@code weft.explore.tries} (1000), {@code weft.explore.seed} (0, or {@code
 * random} for a fresh seed that the report prints), {@code weft.explore.strategy} ({@code random}),
 * and {@code weft.explore.shard} ({@code index/count}, from 0: this CI job's share of the tries). A
 * bad value fails the test with a message naming the key and the value. The report entry {@code
 * weft.tries} counts every try run, the failure database's schedules included.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(WeftExtension.class)
public @interface Explore {
  /**
   * How many tries to run at most; -1 (the default) takes {@code weft.explore.tries}, else 1,000.
   *
   * @return 1 or more, or -1
   */
  int tries() default -1;

  /**
   * The seed every try's choices derive from: a number, or {@code "random"} for a fresh one
   * (printed in the report); {@code ""} (the default) takes {@code weft.explore.seed}, else 0.
   *
   * @return the seed's text
   */
  String seed() default "";

  /**
   * The strategy: {@code "random"}, {@code "pos"}, {@code "pct(3)"}, {@code "exhaustive(2)"},
   * {@code "exhaustive(2, declared)"} (for a program that shares state only through Weft and {@code
   * Weft.touch}: see {@code SharedState.DECLARED}), {@code "fifo"}, or the same as Java ({@code
   * "Strategy.pct(3)"}); {@code ""} (the default) takes {@code weft.explore.strategy}, else {@code
   * random}.
   *
   * @return the strategy's text
   */
  String strategy() default "";

  /**
   * Where tasks may switch: at suspensions only (the default), or at every Weft operation too.
   *
   * @return the preemption mode
   */
  Preemption preemption() default Preemption.COOPERATIVE;

  /**
   * How many scheduler steps one try may take before it fails as a livelock; -1 (the default) keeps
   * the explorer's 100,000.
   *
   * @return 1 or more, or -1
   */
  int maxSteps() default -1;

  /**
   * Whether tasks still pending when the body returns fail the try (the default), as in {@link
   * WeftTest}.
   *
   * @return whether leftover tasks fail a try
   */
  boolean failOnLeftoverTasks() default true;

  /**
   * Whether to run every try instead of stopping at the first failure, and report every distinct
   * failure (by kind, exception type and blocked tasks), each with how many tries hit it, its own
   * minimal schedule and its {@code @Replay} line: {@code Explorer.everyFailure(true)}. Off by
   * default. Every minimal schedule is kept in the failure database.
   *
   * @return whether to report every distinct failure
   */
  boolean everyFailure() default false;
}
