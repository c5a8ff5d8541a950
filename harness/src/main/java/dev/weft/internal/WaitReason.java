package dev.weft.internal;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * What a suspended task waits on, in the program's words ("join(Task 'P0')", "sleep(1s), until
 * 1.2s"). Built lazily: the text is only made when a report or a listener needs it, so describing
 * costs nothing on the fast path.
 */
@FunctionalInterface
interface WaitReason {
  /** Returns the description, for example {@code "gather(P0, P1), waiting for P0"}. */
  String describe();

  /** A task that called {@code yieldNow()} (or slept for zero time) and is ready to run again. */
  WaitReason YIELD = () -> "yieldNow()";

  static WaitReason join(FutureBase<?> future) {
    return () -> "join(" + future.label() + ")";
  }

  /** Names the futures: tasks by their names, other futures by their labels. */
  static String names(Collection<? extends FutureBase<?>> futures) {
    return futures.stream().map(WaitReason::name).collect(Collectors.joining(", "));
  }

  private static String name(FutureBase<?> future) {
    return future instanceof TaskImpl ? future.name() : future.label();
  }

  /** Names the first future that is not done, as {@code ", waiting for P0"}, or nothing. */
  static String firstPending(Collection<? extends FutureBase<?>> futures) {
    for (FutureBase<?> future : futures) {
      if (!future.isDone()) {
        return ", waiting for " + name(future);
      }
    }
    return "";
  }
}
