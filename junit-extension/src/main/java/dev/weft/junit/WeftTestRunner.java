package dev.weft.junit;

import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.Weft;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;
import org.opentest4j.IncompleteExecutionException;

/** Runs a {@link WeftTest} method's body as {@code main} of one Weft run. */
final class WeftTestRunner {
  private final ExtensionContext context;
  private final Settings settings;
  private final WeftTest annotation;

  WeftTestRunner(ExtensionContext context, Method method, WeftTest annotation) {
    this.context = context;
    this.settings = new Settings(context, method);
    this.annotation = annotation;
  }

  void run(Invocation<Void> invocation) throws Throwable {
    RunOptions options;
    Optional<Schedule> replay;
    try {
      options = settings.weftTest(annotation);
      replay = settings.replay();
    } catch (RuntimeException badSetting) {
      invocation.skip(); // JUnit wants the invocation proceeded with or skipped
      throw badSetting;
    }
    if (replay.isPresent()) {
      options = options.replay(replay.get());
    }
    run(
        context,
        settings,
        options,
        replay.map(Schedule::toString).orElse(null),
        invocation::proceed);
  }

  /**
   * Runs {@code body} as main of one run with {@code options}, recording its events; a failure
   * leaves the run's timeline attached and published, and is thrown as the run threw it.
   */
  static void run(
      ExtensionContext context, Settings settings, RunOptions options, String schedule, Body body)
      throws Throwable {
    RunRecorder recorder = new RunRecorder();
    try {
      Weft.run(
          options.listener(recorder),
          () -> {
            try {
              body.run();
            } catch (Exception | Error e) {
              throw e;
            } catch (Throwable other) {
              throw new IllegalStateException(other);
            }
            return null;
          });
    } catch (Throwable failure) {
      if (!(failure instanceof IncompleteExecutionException)) { // an assumption is no failure
        FailureReport.attach(context, settings, failure, recorder, schedule);
      }
      throw failure;
    }
    if (recorder.slowSteps() != null) {
      context.publishReportEntry(SLOW_STEPS, recorder.slowSteps());
    }
  }

  /**
   * The report entry of a run that succeeded with steps over the slow step threshold; a failing
   * run's exception carries the warning.
   */
  static final String SLOW_STEPS = "weft.slowSteps";

  /** A test body: the method's invocation. */
  @FunctionalInterface
  interface Body {
    void run() throws Throwable;
  }
}
