package dev.weft;

/**
 * What an exhaustive search may assume about the state a program's tasks share: it decides which
 * steps commute, so that the search runs one order of them instead of every order. Pass it to
 * {@link Strategy#exhaustive(int, SharedState)}.
 *
 * @since 0.1
 */
public enum SharedState {
  /**
   * Tasks may share any state, Weft's or the program's own fields, which Weft cannot see. Only
   * Weft's own callbacks that run no user code (a sleep's timer, a gather's count of its children)
   * commute. Always sound; the default.
   */
  ANY,

  /**
   * Tasks share state only through Weft (queues, locks, events, semaphores, conditions, barriers,
   * futures, tasks, task groups, executors) and through the names they pass to {@link
   * Weft#touch(String)}. Weft records what each step touched; two steps of a pass that touched
   * nothing in common commute, and the search explores one order of them (dynamic partial-order
   * reduction). A step that reads or writes a plain field another task also uses without declaring
   * it with {@code Weft.touch} breaks the assumption, and the search may then miss the order that
   * shows a bug. A field that tasks use only while they hold the same Weft lock needs no
   * declaration: only the lock's holder uses it, and what each step does to the lock is recorded.
   * Plain callbacks ({@link Weft#callSoon}, {@link Weft#callLater}) are held to the same promise. A
   * step that awaits a {@code CompletionStage} ({@link Weft#await}) commutes with no other. Under
   * {@link Preemption#EVERY_OPERATION} the search offers a switch at every operation, even where no
   * other task is ready: what is ready depends on the order of the steps it takes to commute.
   */
  DECLARED
}
