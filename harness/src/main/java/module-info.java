/**
 * Weft: a deterministic test harness for concurrent Java code.
 *
 * <p>Two packages are exported, and they are the whole public surface:
 *
 * <ul>
 *   <li>{@code dev.weft}: the {@link dev.weft.Weft} facade, tasks, promises, queues, locks and the
 *       other primitives, run options, schedules and strategies, run events, and the exceptions a
 *       run can end with;
 *   <li>{@code dev.weft.explore}: the {@link dev.weft.explore.Explorer}, which searches schedules
 *       for a failing one, shrinks it, and reports it as a counterexample.
 * </ul>
 *
 * <p>{@code dev.weft.internal} (the loop and what it runs) and {@code dev.weft.internal.search}
 * (choice points, strategies and what a try recorded) are implementation: not exported, and free to
 * change between releases. The module requires nothing but {@code java.base}.
 */
module dev.weft {
  exports dev.weft;
  exports dev.weft.explore;
}
