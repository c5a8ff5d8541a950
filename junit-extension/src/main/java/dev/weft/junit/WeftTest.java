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
 * A test whose body runs as the task {@code main} of one {@link dev.weft.Weft#run Weft.run}: in
 * asyncio's order, on the virtual clock, with the whole Weft API at hand ({@code spawn}, {@code
 * gather}, {@code asCompleted}, {@code wait}, queues, timeouts...).
 *
 * <pre>{@code
 * @WeftTest
 * void repliesArriveInVirtualTime() {
 *   Task<String> fast = Weft.spawn("fast", () -> { Weft.sleep(Duration.ofMillis(10)); return "a"; });
 *   Task<String> slow = Weft.spawn("slow", () -> { Weft.sleep(Duration.ofSeconds(3)); return "b"; });
 *   assertThat(Weft.gather(fast, slow)).containsExactly("a", "b");
 *   assertThat(Weft.elapsed()).isEqualTo(Duration.ofSeconds(3));   // in microseconds of real time
 * }
 * }</pre>
 *
 * <p>What the run throws is the test's failure, unchanged: an {@link AssertionError} stays one, a
 * deadlock is a {@link dev.weft.DeadlockException} with its report. A failing test also shows the
 * run's timeline (a suppressed exception on the failure, and an HTML page published as a file of
 * the test).
 *
 * <p>A test is stricter than a script: a task still pending when the body returns fails the test
 * with a {@link dev.weft.LeftoverTasksException} naming it and where it was blocked (a plain {@code
 * Weft.run} cancels it quietly, and a failure it would have raised is never seen). Join or cancel
 * what you spawn, or set {@link #failOnLeftoverTasks()} to {@code false}. A task failure that
 * nobody joined fails the test, as it fails any run.
 *
 * <p>With {@link Replay} on the method, the run replays that schedule instead of asyncio's order.
 * The method may take parameters: a {@link ProducerConsumer} receives {@link
 * ProducerConsumer#seed()}; others are resolved by JUnit as usual. {@code @BeforeEach} and
 * {@code @AfterEach} run outside the run, on JUnit's thread.
 *
 * <p>The body runs on another thread than JUnit's: the carrier thread of the task {@code main} (a
 * virtual thread on Java 21+). JUnit's parameters ({@code TestInfo}, {@code TestReporter},
 * {@code @TempDir}) work there, but state bound to JUnit's thread does not reach the body: a {@code
 * ThreadLocal} set in {@code @BeforeEach}, a logging MDC, a transaction or static mock bound to the
 * test thread.
 *
 * <p>{@code @WeftTest} is a {@code @Test}; it does not combine with {@code @ParameterizedTest} or
 * {@code @RepeatedTest} (JUnit would make a second, plain test of the method). In those, call
 * {@link dev.weft.Weft#run Weft.run} in the body, or use {@link Explore} and {@link
 * dev.weft.Weft#choose} for generated values.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(WeftExtension.class)
public @interface WeftTest {
  /**
   * How many scheduler steps the run may take before it fails as a livelock; -1 (the default) keeps
   * {@link dev.weft.RunOptions}'s 1,000,000.
   *
   * @return the step limit, 1 or more, or -1
   */
  long maxSteps() default -1;

  /**
   * Whether tasks still pending when the body returns fail the test (the default), or are cancelled
   * quietly as a plain {@code Weft.run} does.
   *
   * @return whether leftover tasks fail the test
   */
  boolean failOnLeftoverTasks() default true;

  /**
   * Where tasks may switch: at suspensions only (the default, asyncio's model), or at every Weft
   * operation too. Only a {@link Replay} of a schedule found with {@code EVERY_OPERATION} needs it:
   * without a strategy, a plain run takes asyncio's order either way.
   *
   * @return the preemption mode
   */
  Preemption preemption() default Preemption.COOPERATIVE;
}
