package dev.weft.explore;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an exploration found: how many tries it ran and, if one failed, the counterexample.
 *
 * @since 0.1
 */
public interface ExplorationResult {
  /**
   * Returns how many tries ran (in this shard), counting the schedules tried first ({@link
   * Explorer#tryFirst}) and the discarded tries.
   *
   * @return the number of tries
   */
  int tries();

  /**
   * Returns how many tries were discarded: they threw a failure that {@link Explorer#discardWhen}
   * discards, such as a test framework's failed assumption.
   *
   * @return the number of discarded tries
   */
  int discarded();

  /**
   * Returns the failing schedule found, shrunk, or empty if every try passed; with {@link
   * Explorer#everyFailure(boolean)}, the first distinct failure's.
   *
   * @return the counterexample, if any
   */
  Optional<Counterexample> counterexample();

  /**
   * Returns each distinct failure the tries hit, in the order first seen, with how many tries hit
   * it and its own minimal schedule. With {@link Explorer#everyFailure(boolean)} the exploration
   * ran every try and this lists every way they failed; otherwise it stopped at the first failing
   * try, and this holds that one failure (1 try), or nothing.
   *
   * @return the distinct failures; empty if every try passed
   */
  List<DistinctFailure> failures();

  /**
   * Returns whether the strategy explored its whole space before running out of tries; only an
   * exhaustive search can. A search that stops at its first failure has not; one that goes on past
   * failures ({@link Explorer#everyFailure(boolean)}) has, and {@link #failures()} then lists every
   * failure within the bound.
   *
   * @return whether the bounded space was exhausted
   */
  boolean exhausted();

  /**
   * Returns how many distinct traces the tries ran, for a search that counts them ({@link
   * dev.weft.Strategy#exhaustive}): two schedules that differ only in the order of steps that
   * commute are one trace. With its partial-order reduction, an exhaustive search runs each trace
   * once, so this equals {@link #tries()} less the schedules tried first; other strategies give
   * empty.
   *
   * @return the number of distinct traces, if counted
   * @since 0.1
   */
  default OptionalInt distinctTraces() {
    return OptionalInt.empty();
  }

  /**
   * Returns the warning about tasks that held the run for longer than {@link
   * dev.weft.RunOptions#slowStepWarning} in real time while blocked outside Weft, in the
   * exploration's tries, or empty if none did: one line per task (its longest such time: real time,
   * virtual time, the Weft calls around it; and how often), then what it means. Code that blocks
   * outside Weft makes tries slow and is invisible to the search. The result's {@code toString()}
   * and the counterexample's report end with it.
   *
   * @return the warning, if any
   * @since 0.2
   */
  default Optional<String> slowStepWarning() {
    return Optional.empty();
  }
}
