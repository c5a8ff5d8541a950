package dev.weft;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One thing that happened in a run, as seen by a {@link RunListener}: at a virtual time, to a task,
 * of a kind, with a {@link Detail} whose type depends on the kind.
 *
 * <p>Events are deterministic: the same program run with the same options produces the same
 * sequence, on every JDK and machine. Comparing two event sequences is how a test shows that a run
 * is reproducible. Read the typed fields of {@link #detail()} to render a run (a timeline, a
 * diagram); {@link Detail#text()} and {@link #toString()} are for people and may be reworded.
 *
 * <pre>{@code
 * List<RunEvent> events = new ArrayList<>();
 * Weft.run(RunOptions.defaults().listener(events::add), program);
 * for (RunEvent event : events) {
 *   if (event.detail() instanceof RunEvent.Wait) {
 *     RunEvent.Wait wait = (RunEvent.Wait) event.detail();
 *     System.out.println(event.task() + " waits in " + wait.operation() + " on " + wait.on());
 *   }
 * }
 * }</pre>
 *
 * @param time the virtual time since the loop started
 * @param task the name of the task concerned, or {@code "(callback)"} for a plain callback
 * @param kind what happened
 * @param detail more about it: {@link #NONE} for {@code SPAWNED} and {@code RAN}, else the record
 *     that {@link Kind} names for the kind
 * @since 0.1
 */
public record RunEvent(Duration time, String task, Kind kind, Detail detail) {

  /** The detail of an event that has nothing more to say ({@code SPAWNED}, {@code RAN}). */
  public static final Detail NONE = new None();

  /** What happened. */
  public enum Kind {
    /** A task was created; its body has not run yet. Detail: {@link #NONE}. */
    SPAWNED,
    /** A task ran: its body started or resumed after a suspension. Detail: {@link #NONE}. */
    RAN,
    /** A task suspended. Detail: a {@link Wait} saying on what. */
    SUSPENDED,
    /** A task returned a value. Detail: a {@link Returned}. */
    COMPLETED,
    /** A task ended with an exception. Detail: a {@link Failed}. */
    FAILED,
    /** A task ended cancelled. Detail: a {@link Cancelled}. */
    CANCELLED,
    /**
     * A scheduled callback ran: a {@code callSoon} or {@code callLater} callback, or a timer (a
     * sleep ending, a timeout expiring). Weft's internal wake-up callbacks are not reported.
     * Detail: a {@link Callback}.
     */
    CALLBACK,
    /**
     * A choice point was decided: which ready task ran next (only when a strategy decides: a {@code
     * Weft.run} whose options name a strategy other than {@link Strategy#fifo()}, or any try of an
     * exploration), a switch at an operation, or a value of {@link Weft#choose}. Detail: a {@link
     * Choice}.
     */
    CHOSE,
    /**
     * A task or callback used a primitive without suspending: put an item on a queue or got one,
     * acquired or released a lock, set an event. Detail: an {@link Operation}.
     */
    OPERATION
  }

  /**
   * What more an event says; which record it is follows from the event's {@link Kind}.
   *
   * @since 0.1
   */
  public sealed interface Detail
      permits None, Wait, Returned, Failed, Cancelled, Callback, Choice, Operation {
    /**
     * Returns the detail in the program's words, as {@link RunEvent#toString()} shows it; empty for
     * {@link #NONE}.
     *
     * @return a short description
     */
    String text();
  }

  /** The detail of {@code SPAWNED} and {@code RAN}: nothing more. Use {@link #NONE}. */
  public record None() implements Detail {
    /**
     * Returns the empty text.
     *
     * @return {@code ""}
     */
    @Override
    public String text() {
      return "";
    }
  }

  /**
   * What a suspended task waits in ({@code SUSPENDED}).
   *
   * @param operation the Weft call it waits in: {@code "put"}, {@code "get"}, {@code "acquire"},
   *     {@code "await"}, {@code "gather"}, {@code "sleep"}, {@code "join"}, {@code "yieldNow"}, ...
   * @param on the primitive it waits on, as reports name it ({@code "queue 'items'"}), or {@code
   *     null} when it waits on tasks or time
   * @param tasks what it waits for, in argument order: tasks by name ({@code "P0"}), other futures
   *     by label ({@code "Promise 'reply'"}); empty when it waits on a primitive or on time
   * @param text the whole description with the primitive's state at that moment: {@code "put on
   *     queue 'items' (full, 2/2)"}, {@code "gather(A, B), waiting for A"}
   * @since 0.1
   */
  public record Wait(String operation, String on, List<String> tasks, String text)
      implements Detail {
    /**
     * Creates a wait.
     *
     * @param operation the Weft call, not null
     * @param on the primitive's name, or {@code null}
     * @param tasks the tasks waited for, not null
     * @param text the description, not null
     */
    public Wait {
      Objects.requireNonNull(operation, "operation");
      tasks = List.copyOf(tasks);
      Objects.requireNonNull(text, "text");
    }

    /**
     * Returns whether the task merely yielded ({@code Weft.yieldNow()} or a zero sleep) and is
     * ready to run again.
     *
     * @return whether this is a bare yield
     */
    public boolean isYield() {
      return operation.equals("yieldNow");
    }
  }

  /**
   * How a task returned ({@code COMPLETED}).
   *
   * @param value the result's {@code toString()} ({@code "null"} for none): user text, which may
   *     differ between runs if it prints identity hashes
   * @since 0.1
   */
  public record Returned(String value) implements Detail {
    /**
     * Creates the detail.
     *
     * @param value the result's text, not null
     */
    public Returned {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String text() {
      return value;
    }
  }

  /**
   * How a task failed ({@code FAILED}).
   *
   * @param exceptionType the exception's class name: {@code "java.lang.AssertionError"}; for an
   *     unwound task, the type of the internal error Weft unwinds tasks with
   * @param description the exception's {@code toString()}: its class and message (user text)
   * @param unwound whether the task did not fail by itself but was unwound because the run ended
   *     early (a deadlock, the step limit, the watchdog)
   * @since 0.1
   */
  public record Failed(String exceptionType, String description, boolean unwound)
      implements Detail {
    /**
     * Creates the detail.
     *
     * @param exceptionType the class name, not null
     * @param description the exception's text, not null
     * @param unwound whether the run's early end unwound the task
     */
    public Failed {
      Objects.requireNonNull(exceptionType, "exceptionType");
      Objects.requireNonNull(description, "description");
    }

    @Override
    public String text() {
      return unwound ? "aborted" : description;
    }
  }

  /**
   * When a task was cancelled ({@code CANCELLED}).
   *
   * @param when at which point of its life
   * @since 0.1
   */
  public record Cancelled(When when) implements Detail {
    /** At which point of its life a task was cancelled. */
    public enum When {
      /** While it ran or waited: the usual case. */
      WHILE_RUNNING(""),
      /** Before its first step: its body never ran. */
      BEFORE_START("before it started"),
      /** Right as its body returned: the value was dropped. */
      AS_IT_RETURNED("as it returned");

      private final String text;

      When(String text) {
        this.text = text;
      }
    }

    /**
     * Creates the detail.
     *
     * @param when at which point, not null
     */
    public Cancelled {
      Objects.requireNonNull(when, "when");
    }

    @Override
    public String text() {
      return when.text;
    }
  }

  /**
   * Which scheduled callback ran ({@code CALLBACK}).
   *
   * @param description what it is: {@code "sleep timer of Task 'P0'"}, {@code "callLater(...)"}
   * @since 0.1
   */
  public record Callback(String description) implements Detail {
    /**
     * Creates the detail.
     *
     * @param description the callback, not null
     */
    public Callback {
      Objects.requireNonNull(description, "description");
    }

    @Override
    public String text() {
      return description;
    }
  }

  /**
   * A decided choice point ({@code CHOSE}).
   *
   * @param point which kind of choice point
   * @param chosen what was chosen: the index among the ready callbacks (0 is asyncio's order), 1
   *     for a switch, or the value {@code Weft.choose} returned
   * @param options how many values were possible: the ready callbacks of the pass, 2 for a switch,
   *     the bound of {@code choose}
   * @since 0.1
   */
  public record Choice(Point point, int chosen, int options) implements Detail {
    /** The kinds of choice point. */
    public enum Point {
      /** Which ready task (or callback) runs next; the event's task is the one that runs. */
      TASK,
      /** Whether the running task is switched out at an operation (only switches are reported). */
      SWITCH,
      /** A value of {@link Weft#choose}, drawn by the event's task. */
      DATA
    }

    /**
     * Creates the detail.
     *
     * @param point the kind of choice point, not null
     * @param chosen the value taken, in {@code [0, options)}
     * @param options how many values were possible
     */
    public Choice {
      Objects.requireNonNull(point, "point");
    }

    /**
     * Returns whether this choice departs from asyncio's order: a task other than the first ready,
     * or a switch at an operation. A data value never departs.
     *
     * @return whether asyncio would have done otherwise
     */
    public boolean departs() {
      return point != Point.DATA && chosen != 0;
    }

    @Override
    public String text() {
      switch (point) {
        case TASK:
          return "picked " + (chosen + 1) + " of " + options + " ready";
        case SWITCH:
          return "switched out at an operation";
        default:
          return "choose(" + options + ") returned " + chosen;
      }
    }
  }

  /**
   * A primitive used without suspending ({@code OPERATION}).
   *
   * @param primitive what the primitive is: {@code "queue"}, {@code "lock"}, {@code "event"}
   * @param name how reports name it: {@code "queue 'items'"} when the user named it, {@code "queue
   *     #2"} otherwise
   * @param operation what was done, named by the method that waits for it: {@code "put"} (by {@code
   *     put} or {@code putNowait}), {@code "get"} (by {@code get} or {@code getNowait}), {@code
   *     "acquire"}, {@code "release"}, {@code "set"}
   * @param item the item put or got, as its {@code toString()} cut to 40 characters (user text), or
   *     {@code null} when the operation has none
   * @since 0.1
   */
  public record Operation(String primitive, String name, String operation, String item)
      implements Detail {
    /**
     * Creates the detail.
     *
     * @param primitive the kind of primitive, not null
     * @param name its name in reports, not null
     * @param operation the method, not null
     * @param item the item's text, or {@code null}
     */
    public Operation {
      Objects.requireNonNull(primitive, "primitive");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(operation, "operation");
    }

    /**
     * Returns what the operation did, without the primitive: {@code "put"}, {@code "got"}, {@code
     * "acquired"}, {@code "released"}, {@code "set"}.
     *
     * @return the verb in the past tense
     */
    public String verb() {
      switch (operation) {
        case "get":
          return "got";
        case "acquire":
          return "acquired";
        case "release":
          return "released";
        default:
          return operation; // put, set: the same in the past tense
      }
    }

    @Override
    public String text() {
      String preposition =
          operation.equals("put") ? " on " : operation.equals("get") ? " from " : " ";
      return verb() + preposition + name + (item == null ? "" : ": " + item);
    }
  }

  /**
   * Creates an event.
   *
   * @param time the virtual time since the loop started
   * @param task the task name
   * @param kind what happened
   * @param detail more about it: {@link #NONE} or the record the kind names, not {@code null}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code detail} is not the type {@code kind} carries
   */
  public RunEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    if (detail.getClass() != detailOf(kind)) {
      throw new IllegalArgumentException(
          "a "
              + kind
              + " event takes a "
              + detailOf(kind).getSimpleName()
              + " detail, but got a "
              + detail.getClass().getSimpleName());
    }
  }

  /** Returns the detail type each kind carries. */
  private static Class<? extends Detail> detailOf(Kind kind) {
    switch (kind) {
      case SUSPENDED:
        return Wait.class;
      case COMPLETED:
        return Returned.class;
      case FAILED:
        return Failed.class;
      case CANCELLED:
        return Cancelled.class;
      case CALLBACK:
        return Callback.class;
      case CHOSE:
        return Choice.class;
      case OPERATION:
        return Operation.class;
      default:
        return None.class;
    }
  }

  /** Returns the event as one line: {@code "0.2s P0 SUSPENDED sleep(100ms)"}. */
  @Override
  public String toString() {
    String line = dev.weft.internal.VirtualTime.format(time.toNanos()) + " " + task + " " + kind;
    String text = detail.text();
    return text.isEmpty() ? line : line + " " + text;
  }
}
