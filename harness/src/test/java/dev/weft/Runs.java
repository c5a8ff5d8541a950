package dev.weft;

/** Runs test programs that return nothing, so that a test body needs no {@code return null}. */
final class Runs {
  private Runs() {}

  /** Runs {@code main} as the task "main" on a loop with default options. */
  static void run(ThrowingRunnable main) {
    run(RunOptions.defaults(), main);
  }

  /** Runs {@code main} as the task "main" on a loop with {@code options}. */
  static void run(RunOptions options, ThrowingRunnable main) {
    Weft.run(
        options,
        () -> {
          main.run();
          return null;
        });
  }
}
