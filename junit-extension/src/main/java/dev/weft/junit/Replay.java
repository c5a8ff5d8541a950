package dev.weft.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs exactly one schedule, once: put it on a {@link WeftTest} or {@link Explore} method to
 * reproduce a failure that an exploration reported (the report's "Replay it:" section gives the
 * line to paste).
 *
 * <pre>{@code
 * @Explore
 * @Replay("0 d1")
 * void everyItemIsConsumed(ProducerConsumer program) { ... }
 * }</pre>
 *
 * <p>The value is a {@link dev.weft.Schedule}'s text; one that does not parse fails the test with
 * the parser's message, and so does {@code @Replay} on a method that is neither a {@code @WeftTest}
 * nor an {@code @Explore}. A schedule found under {@link dev.weft.Preemption#EVERY_OPERATION} that
 * depends on it starts with {@code every-operation:} and replays under that mode in any test; a
 * text without it (older reports wrote {@code p} tokens without it) replays under the test's own
 * preemption. An {@code @Explore} method with {@code @Replay} runs one try and reports its failure
 * as the run threw it, with its timeline.
 *
 * <p>The replay is strict: a schedule that no longer fits the program (the code changed since the
 * schedule was found) fails the test with {@link dev.weft.ReplayDivergedException}, which names the
 * first choice that did not fit, what the schedule said and what the run offered, instead of
 * quietly running another schedule and passing.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(WeftExtension.class)
public @interface Replay {
  /**
   * The schedule's text, as {@link dev.weft.Schedule#toString()} writes it: {@code "0 1:B d2"}.
   *
   * @return the schedule
   */
  String value();
}
