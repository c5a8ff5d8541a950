package dev.weft.internal;

import dev.weft.RunEvent;
import dev.weft.Task;
import java.util.List;
import java.util.function.Supplier;

/**
 * Ties a queue, lock or other primitive to one Weft run, like asyncio's {@code _LoopBoundMixin} but
 * earlier: a primitive created inside a run belongs to it at once, and one created outside belongs
 * to the first run that uses it. Before that, operations that do not wait may run outside any run
 * (to fill a queue, say). Using a primitive from another run is an error.
 *
 * <p>Every operation of a primitive starts here, and so this is also where a primitive gets the
 * name that reports use: {@code queue 'items'} when the user named it, {@code queue #2} otherwise,
 * numbered per run and per kind when the primitive joins the run. Primitives created inside the run
 * are numbered in creation order; one created outside is numbered at its first use, which a
 * different schedule may move. Naming primitives avoids the question.
 *
 * <p>Internal: public only so that the primitives in {@code dev.weft} can use it; not exported.
 */
public final class LoopBinding {
  private final String kind;
  private final String name;
  private Loop loop;
  private String label;

  /** The number the run gave the primitive when it joined it: what a step's footprint records. */
  private long serial;

  /**
   * Creates the binding of one primitive.
   *
   * @param kind what the primitive is, in lower case: {@code "queue"}, {@code "lock"}
   * @param name the user's name for it, or {@code null}
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public LoopBinding(String kind, String name) {
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException(
          "name must be null (unnamed) or a non-blank string, but was '" + name + "'");
    }
    this.kind = kind;
    this.name = name;
    this.label = name != null ? kind + " '" + name + "'" : kind;
    Loop active = RunningLoop.orNull();
    if (active != null) {
      bindTo(active, true); // created inside a run: it belongs to that run from the start
    }
  }

  /**
   * Returns how messages name the primitive: {@code queue 'items'}, or {@code queue #2} once an
   * unnamed one is in use.
   */
  public String label() {
    return label;
  }

  /**
   * Starts an operation that does not wait: checks that the primitive is used from the run it
   * belongs to (binding it on first use), or outside any run while no run has used it yet.
   *
   * @param operation the method, for messages: {@code "putNowait"}
   */
  public void enter(String operation) {
    if (loop == null && RunningLoop.orNull() == null) {
      return; // not used by any run yet: nothing can be waiting on it, so no loop is needed
    }
    Loop active = bind(operation);
    active.preemptionPoint();
    active.touch(serial);
  }

  /**
   * Starts an operation that may wait: as {@link #enter}, and the caller must be a task.
   *
   * @param operation the method, for messages: {@code "put"}
   * @return the running task
   */
  public Task<?> enterTask(String operation) {
    Loop active = bind(operation);
    active.preemptionPoint();
    active.touch(serial);
    TaskImpl<?> task = active.currentOrNull();
    if (task == null) {
      throw new IllegalStateException(Messages.primitiveFromCallback(label, operation));
    }
    return task;
  }

  /**
   * Records that the running step reads the primitive's state ({@code isEmpty}, {@code isSet}):
   * under {@code SharedState.DECLARED}, a step that reads it does not commute with one that changes
   * it. Reading is no operation, so it is no choice point; only a run that records footprints binds
   * a primitive made outside it on a read, so that the read is recorded.
   */
  public void read() {
    Loop active = loop;
    if (active == null) {
      active = RunningLoop.orNull();
      if (active == null || !active.recordsFootprints()) {
        return;
      }
      bindTo(active, false);
    }
    if (active.recordsFootprints() && RunningLoop.orNull() == active) {
      active.touch(serial);
    }
  }

  /**
   * Tells the run's listener, if any, that the running task (or callback) did {@code operation} to
   * this primitive, with {@code item} if there is one: an {@code OPERATION} event. Costs nothing
   * without a listener.
   *
   * @param operation the method: {@code "put"}, {@code "get"}, {@code "acquire"}
   * @param item the item, or {@code null}
   */
  public void trace(String operation, Object item) {
    Loop active = loop;
    if (active == null || !active.hasListener()) {
      return;
    }
    active.event(
        RunEvent.Kind.OPERATION,
        new RunEvent.Operation(kind, label, operation, item == null ? null : brief(item)));
  }

  /**
   * Describes a wait in this primitive for reports and listeners; the text is made only when one
   * asks, so it shows the primitive's state at that moment.
   *
   * @param operation the method the task waits in: {@code "put"}, {@code "acquire"}
   * @param text the description: {@code "put on queue 'items' (full, 2/2)"}
   * @return the wait, made when asked
   */
  public Supplier<RunEvent.Wait> waitIn(String operation, Supplier<String> text) {
    return () -> new RunEvent.Wait(operation, label, List.of(), text.get());
  }

  /** Returns {@code String.valueOf(item)} cut to 40 characters, guarding a failing toString. */
  private static String brief(Object item) {
    String text;
    try {
      text = String.valueOf(item);
    } catch (RuntimeException e) {
      text = item.getClass().getSimpleName() + " (toString failed)";
    }
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /**
   * Creates the future one waiting task will block on: asyncio's {@code loop.create_future()} in a
   * primitive. Call {@link #enterTask} first.
   *
   * @param operation the method, for the future's label
   * @return a new pending waiter for the running task
   */
  public Waiter newWaiter(String operation) {
    return new Waiter(
        loop.runningTask(label + "." + operation),
        loop.internalFuture(label + " " + operation),
        () -> loop.touch(serial));
  }

  private Loop bind(String operation) {
    Loop active = RunningLoop.orNull();
    if (active == null && loop != null) {
      throw RunningLoop.misuse(loop, Messages.primitiveOutsideItsRun(label, operation));
    }
    if (active == null) {
      active = RunningLoop.require(label + "." + operation + "()");
    }
    if (loop == active) {
      return active;
    }
    if (loop != null) {
      throw RunningLoop.misuse(active, Messages.primitiveFromOtherRun(label, operation));
    }
    bindTo(active, false);
    return active;
  }

  /**
   * Binds the primitive to {@code active}. One made inside the run gets the run's next serial
   * number, new to the step that made it. One made outside is known to every task, and the order in
   * which a run first uses such primitives depends on the schedule, so they all share one number
   * that no step counts as its own: steps that touch any two of them never commute, but the number
   * means the same in every try, and the numbers of everything else do not shift.
   */
  private void bindTo(Loop active, boolean madeInside) {
    loop = active;
    serial = madeInside ? active.nextSerial() : Loop.MADE_OUTSIDE;
    if (name == null) {
      label = kind + " #" + active.nextPrimitiveNumber(kind);
    }
  }
}
