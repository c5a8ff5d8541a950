package dev.weft;

/**
 * Where a run may switch from one task to another; chosen with {@link RunOptions#preemption}.
 *
 * @since 0.1
 */
public enum Preemption {
  /**
   * Only where a task suspends (a wait, a sleep, a yield), as in asyncio: the code between two
   * suspensions is atomic. The default.
   */
  COOPERATIVE,

  /**
   * Also at every Weft operation that does not suspend: a put on a queue with room, a get from a
   * non-empty one, a free lock, {@link Weft#checkpoint()}. The running task may be switched out
   * there, as a thread could be preempted, so races between two operations of one task become
   * visible. The switch comes before the operation takes effect, and only when another task is
   * ready. Each such point is one more choice in the schedule, and, like any switch, a point where
   * a pending cancellation is delivered: even {@code putNowait} may then throw {@link
   * CancelledException}.
   */
  EVERY_OPERATION
}
