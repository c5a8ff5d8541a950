/**
 * Searching schedules: {@link dev.weft.explore.Explorer} runs a scenario again and again with its
 * choice points decided by a {@link dev.weft.Strategy}, shrinks the first failing schedule to a
 * minimal one, and reports it as a {@link dev.weft.explore.Counterexample} with a line that replays
 * it and a timeline of the minimal run. A counterexample has a {@link
 * dev.weft.explore.FailureKind}; with {@link dev.weft.explore.Explorer#everyFailure(boolean)} the
 * exploration runs every try and reports each {@link dev.weft.explore.DistinctFailure}.
 *
 * <p>Depends on {@code dev.weft} and on the unexported implementation in {@code dev.weft.internal}
 * and {@code dev.weft.internal.search}; {@code dev.weft} never depends on this package.
 */
package dev.weft.explore;
