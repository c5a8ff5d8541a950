/**
 * Weft: a deterministic test harness for concurrent Java code.
 *
 * <p>The {@code dev.weft} package is the whole public surface: the {@link dev.weft.Weft} facade,
 * tasks, promises, run options and the exceptions a run can end with. Everything under {@code
 * dev.weft.internal} is implementation and is not exported.
 */
module dev.weft {
  exports dev.weft;
  exports dev.weft.explore;
}
