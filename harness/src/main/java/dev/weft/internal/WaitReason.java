package dev.weft.internal;

import dev.weft.RunEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a suspended task waits on, in the program's words ("join(Task 'P0')", "sleep(1s), until
 * 1.2s") and as structure (the operation, the primitive, the tasks waited for). Built lazily: no
 * text or list is made until a report or a listener asks, and a primitive's state is read at that
 * moment.
 */
@FunctionalInterface
interface WaitReason {
  /** Returns the description, for example {@code gather(P0, P1), waiting for P0}. */
  RunEvent.Wait describe();

  /** A task that called {@code yieldNow()} (or slept for zero time) and is ready to run again. */
  WaitReason YIELD = of("yieldNow", null, List.of(), () -> "yieldNow()");

  /**
   * A wait whose text is made when asked.
   *
   * @param operation the Weft call: "gather", "sleep", "put"
   * @param on the primitive's name, or null
   * @param tasks the futures waited for (tasks by name, other futures by label), or empty
   * @param text the description
   */
  static WaitReason of(
      String operation,
      String on,
      Collection<? extends FutureBase<?>> tasks,
      Supplier<String> text) {
    return () -> new RunEvent.Wait(operation, on, names(tasks), text.get());
  }

  static WaitReason join(FutureBase<?> future) {
    return of("join", null, List.of(future), () -> "join(" + future.label() + ")");
  }

  /** Returns the names of the futures: tasks by their names, other futures by their labels. */
  private static List<String> names(Collection<? extends FutureBase<?>> futures) {
    List<String> names = new ArrayList<>(futures.size());
    for (FutureBase<?> future : futures) {
      names.add(name(future));
    }
    return names;
  }

  /** The most futures a list names one by one before it abbreviates. */
  int LISTED = 8;

  /**
   * Names the futures as a comma-separated list; a long one shows its first six, its last, and how
   * many there are: {@code T0, T1, T2, T3, T4, T5, ... T999 (1,000 in all)}.
   */
  static String list(Collection<? extends FutureBase<?>> futures) {
    List<String> names = names(futures);
    if (names.size() <= LISTED) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, LISTED - 2))
        + ", ... "
        + names.get(names.size() - 1)
        + String.format(java.util.Locale.ROOT, " (%,d in all)", names.size());
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
