package dev.weft.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs exactly one schedule, once: put it on a {@link WeftTest} or {@link Explore} method to
 * reproduce a failure that an exploration reported (its report ends with the line to paste).
 *
 * <pre>{@code
 * @Explore
 * @Replay("0 d1")
 * void everyItemIsConsumed(ProducerConsumer program) { ... }
 * }</pre>
 *
 * <p>The value is a {@link dev.weft.Schedule}'s text; one that does not parse fails the test with
 * the parser's message. An {@code @Explore} method with {@code @Replay} runs one try and reports
 * its failure as the run threw it, with its timeline.
 *
 * @since 0.1
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Replay {
  /**
   * The schedule's text, as {@link dev.weft.Schedule#toString()} writes it: {@code "0 1:B d2"}.
   *
   * @return the schedule
   */
  String value();
}
