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

  /**
   * Called once at the end of a run that succeeded, if a task held the run for longer than {@link
   * RunOptions#slowStepWarning(java.time.Duration)} in real time while it was blocked outside Weft,
   * with the warning that names those tasks. It is not an event: real time varies from run to run,
   * and events do not. A run that fails carries the warning in its exception instead.
   *
   * <p>The default logs the warning as a {@code WARNING} of the {@link System.Logger} named {@code
   * dev.weft}, as a run without a listener does; override it to show the warning elsewhere (the
   * JUnit extension publishes it as a report entry).
   *
   * @param warning the warning: one line per task, then what it means
   * @since 0.2
   */
  default void onSlowSteps(String warning) {
    System.getLogger("dev.weft").log(System.Logger.Level.WARNING, warning);
  }
}
