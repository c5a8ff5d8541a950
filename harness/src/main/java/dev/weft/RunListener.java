package dev.weft;

/**
 * Receives the events of a run as they happen; set with {@link RunOptions#listener(RunListener)}.
 *
 * <p>The listener is called on the thread that runs the scheduler at that moment, never
 * concurrently with task code, so it may collect into a plain list. It must not call Weft, and must
 * not throw: a listener that throws stops the run, which then fails with an {@link
 * IllegalStateException} naming the event. Without a listener, no event is built.
 *
 * <pre>{@code
 * List<RunEvent> events = new ArrayList<>();
 * Weft.run(RunOptions.defaults().listener(events::add), () -> ...);
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RunListener {
  /**
   * Called for each event of the run, in order.
   *
   * @param event what happened
   */
  void onEvent(RunEvent event);
}
