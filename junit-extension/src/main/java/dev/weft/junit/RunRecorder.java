package dev.weft.junit;

import dev.weft.RunEvent;
import dev.weft.RunListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a run's events for its timeline, up to {@value #LIMIT}: a test that loops for a million
 * steps before it fails must not hold a million events. The timeline then shows the beginning of
 * the run and says so.
 */
final class RunRecorder implements RunListener {
  static final int LIMIT = 200_000;

  private final List<RunEvent> events = new ArrayList<>();
  private long dropped;
  private String slowSteps;

  @Override
  public void onEvent(RunEvent event) {
    if (events.size() < LIMIT) {
      events.add(event);
    } else {
      dropped++;
    }
  }

  /** Keeps the warning, for a report entry, instead of logging it. */
  @Override
  public void onSlowSteps(String warning) {
    slowSteps = warning;
  }

  /** Returns the run's slow step warning, or {@code null} if it had none (or failed). */
  String slowSteps() {
    return slowSteps;
  }

  List<RunEvent> events() {
    return events;
  }

  /** Returns how many events came after the limit and were not kept. */
  long dropped() {
    return dropped;
  }
}
