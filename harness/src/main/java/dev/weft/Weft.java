package dev.weft;

import dev.weft.internal.Operations;
import dev.weft.internal.Preconditions;
import dev.weft.internal.Runner;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The entry point of Weft: runs a program on a deterministic, virtual-clock loop and offers
 * asyncio's task model to it.
 *
 * <p>{@link #run(Callable)} starts a loop and runs its argument as the task {@code "main"}. Inside,
 * tasks are spawned, sleep, wait for each other, time out and get cancelled exactly as in asyncio
 * (CPython 3.13; each method links to the asyncio function it follows, and says where Weft
 * differs). Tasks run one at a time, in the order asyncio would run them; control passes only
 * inside Weft calls, so the code between two Weft calls is atomic. Time is virtual: it starts at 0,
 * and when no task can run the clock jumps to the next timer, so a one-hour sleep takes no real
 * time. The same program and options always give the same run.
 *
 * <pre>{@code
 * List<String> order = Weft.run(() -> {
 *   Task<String> slow = Weft.spawn("slow", () -> { Weft.sleep(Duration.ofSeconds(2)); return "slow"; });
 *   Task<String> fast = Weft.spawn("fast", () -> { Weft.sleep(Duration.ofSeconds(1)); return "fast"; });
 *   List<String> seen = new ArrayList<>();
 *   for (Task<String> t : Weft.asCompleted(List.of(slow, fast))) {
 *     seen.add(t.join() + " at " + Weft.elapsed().toSeconds() + "s");
 *   }
 *   return seen;                    // [fast at 1s, slow at 2s]
 * });
 * }</pre>
 *
 * <p>Every method except {@code run} needs a running loop: calling one elsewhere throws an {@link
 * IllegalStateException} that says so. Methods that wait ({@code sleep}, {@code gather}, {@code
 * join}, ...) must be called from a task, not from a callback. Arguments are checked: a {@code
 * null} or a value outside the documented range throws {@link IllegalArgumentException} naming the
 * argument.
 *
 * @since 0.1
 */
public final class Weft {
  private Weft() {}

  /**
   * Runs {@code main} as a task named {@code "main"} on a new loop with {@link
   * RunOptions#defaults()}, and returns its result; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-runner.html#asyncio.run">asyncio.run</a>.
   *
   * @param main the program
   * @param <T> the result type
   * @return what {@code main} returned
   * @see #run(RunOptions, Callable)
   */
  public static <T> T run(Callable<T> main) {
    return run(RunOptions.defaults(), main);
  }

  /**
   * Runs {@code main} as a task named {@code "main"} on a new loop and returns its result;
   * asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-runner.html#asyncio.run">asyncio.run</a>.
   *
   * <p>When main is done, every task still pending is cancelled, in creation order (asyncio leaves
   * that order undefined), and the loop keeps running on the virtual clock until all of them have
   * ended; callbacks their cleanup schedules still run. Tasks that the cleanup spawns run while
   * their spawner is cleaning up, and are cancelled in turn once the leftovers have ended (asyncio
   * would drop them). When {@code run} returns or throws, every thread it started has ended, except
   * a thread blocked outside Weft that ignored an interrupt, which the {@link
   * BlockedOutsideWeftException} then names.
   *
   * <p>The run fails, instead of returning, when:
   *
   * <ul>
   *   <li>main fails: its exception is thrown (a checked one wrapped in {@link
   *       TaskFailedException});
   *   <li>main is cancelled: a {@link CancelledException};
   *   <li>no task can run and no timer is pending: a {@link DeadlockException} listing what each
   *       task waits on;
   *   <li>a task blocks outside Weft longer than the watchdog allows: {@link
   *       BlockedOutsideWeftException};
   *   <li>the run takes more steps than allowed: {@link StepLimitExceededException};
   *   <li>a task runs out of stack inside a Weft call (a recursion that calls Weft at every level):
   *       a {@link StackOverflowError} naming the task and the call, the original as its cause;
   *   <li>another task failed and nothing observed it (default policy): a {@link
   *       TaskFailedException} naming it;
   *   <li>tasks were left pending under {@link RunOptions#failOnLeftoverTasks(boolean)}: {@link
   *       LeftoverTasksException}.
   * </ul>
   *
   * <pre>{@code
   * Weft.run(options, () -> 42);                       // 42
   * Weft.run(options, () -> Weft.promise().join());    // DeadlockException: main blocked in join(Promise 'Promise-1')
   * }</pre>
   *
   * @param options how to run
   * @param main the program
   * @param <T> the result type
   * @return what {@code main} returned
   * @throws IllegalStateException if called from inside a running loop: runs do not nest
   * @throws RunInterruptedException if the calling thread is interrupted during the run: the run
   *     cancels its tasks, gives them a grace period on the virtual clock, unwinds what is left,
   *     and the interrupt stays set
   */
  public static <T> T run(RunOptions options, Callable<T> main) {
    Preconditions.requireNonNull(options, "options");
    Preconditions.requireNonNull(main, "main");
    return Runner.run(options, main);
  }

  /**
   * Runs {@code main}, which returns nothing, as {@link #run(Callable)} does.
   *
   * <pre>{@code
   * Weft.run(() -> {
   *   Task<Void> worker = Weft.spawn("worker", () -> Weft.sleep(Duration.ofSeconds(1)));
   *   worker.join();
   * });
   * }</pre>
   *
   * @param main the program
   */
  public static void run(ThrowingRunnable main) {
    run(RunOptions.defaults(), main);
  }

  /**
   * Runs {@code main}, which returns nothing, as {@link #run(RunOptions, Callable)} does.
   *
   * @param options how to run
   * @param main the program
   */
  public static void run(RunOptions options, ThrowingRunnable main) {
    Preconditions.requireNonNull(options, "options");
    Preconditions.requireNonNull(main, "main");
    Runner.run(options, Operations.callable(main));
  }

  /**
   * Creates a task named {@code "Task-1"}, {@code "Task-2"}, ...; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.create_task">create_task</a>.
   *
   * @param body the task's body
   * @param <T> the result type
   * @return the task
   * @see #spawn(String, Callable)
   */
  public static <T> Task<T> spawn(Callable<T> body) {
    Preconditions.requireNonNull(body, "body");
    return Operations.spawn(null, body);
  }

  /**
   * Creates a task; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.create_task">create_task</a>.
   *
   * <p>The body does not start now: its first step is queued behind everything already ready, and
   * runs once the caller suspends. Tasks created back to back start in creation order.
   *
   * <pre>{@code
   * Task<Integer> t = Weft.spawn("answer", () -> 42);
   * t.isDone();   // false: the body has not run yet
   * t.join();     // 42
   * }</pre>
   *
   * @param name the name reports and traces use; not blank
   * @param body the task's body
   * @param <T> the result type
   * @return the task
   * @throws IllegalArgumentException if {@code name} is null or blank, or {@code body} is null
   */
  public static <T> Task<T> spawn(String name, Callable<T> body) {
    Operations.requireName(name);
    Preconditions.requireNonNull(body, "body");
    return Operations.spawn(name, body);
  }

  /**
   * Creates a task whose body returns nothing; see {@link #spawn(String, Callable)}.
   *
   * @param name the name reports and traces use; not blank
   * @param body the task's body
   * @return the task, whose result is {@code null}
   */
  public static Task<Void> spawn(String name, ThrowingRunnable body) {
    Operations.requireName(name);
    Preconditions.requireNonNull(body, "body");
    return Operations.spawn(name, Operations.callable(body));
  }

  /**
   * Creates a task named {@code "Task-1"}, {@code "Task-2"}, ... whose body returns nothing; see
   * {@link #spawn(String, Callable)}.
   *
   * @param body the task's body
   * @return the task, whose result is {@code null}
   */
  public static Task<Void> spawn(ThrowingRunnable body) {
    Preconditions.requireNonNull(body, "body");
    return Operations.spawn(null, Operations.callable(body));
  }

  /**
   * Creates a promise named {@code "Promise-1"}, {@code "Promise-2"}, ...: a task completed by
   * hand; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-eventloop.html#asyncio.loop.create_future">loop.create_future()</a>.
   *
   * @param <T> the value type
   * @return a pending promise
   */
  public static <T> Promise<T> promise() {
    return Operations.promise(null);
  }

  /**
   * Creates a named promise, so that reports say {@code "blocked in join(Promise 'reply')"}.
   *
   * @param name the name; not blank
   * @param <T> the value type
   * @return a pending promise
   */
  public static <T> Promise<T> promise(String name) {
    Operations.requireName(name);
    return Operations.promise(name);
  }

  /**
   * Schedules {@code callback} at the tail of the ready queue; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-eventloop.html#asyncio.loop.call_soon">loop.call_soon</a>.
   *
   * <p>The callback runs outside any task, so it cannot wait; it may spawn tasks, complete promises
   * and schedule more callbacks. If it throws, the run goes on and the failure is reported when the
   * run ends (see {@link RunOptions#failOnUnobservedFailures(boolean)}).
   *
   * @param callback what to run
   * @return a handle that can cancel it
   */
  public static TimerHandle callSoon(Runnable callback) {
    Preconditions.requireNonNull(callback, "callback");
    return Operations.callSoon(callback);
  }

  /**
   * Schedules {@code callback} after {@code delay} of virtual time; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-eventloop.html#asyncio.loop.call_later">loop.call_later</a>.
   * Callbacks due at the same instant run in the order they were scheduled (asyncio leaves that
   * order to its timer heap; Weft fixes it on purpose).
   *
   * @param delay zero or more; zero runs the callback at the next pass
   * @param callback what to run
   * @return a handle that can cancel it
   * @throws IllegalArgumentException if {@code delay} is null or negative, or {@code callback} is
   *     null, or if the callback would run past the end of the virtual clock (about 292 years after
   *     the run started)
   */
  public static TimerHandle callLater(Duration delay, Runnable callback) {
    Preconditions.requireNotNegative(delay, "delay");
    Preconditions.requireNonNull(callback, "callback");
    return Operations.callLater(delay, callback);
  }

  /**
   * Suspends the calling task for {@code duration} of virtual time; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.sleep">asyncio.sleep</a>.
   *
   * <p>A duration of zero or less is one bare yield, as {@link #yieldNow()}. Cancelling the task
   * ends the sleep with a {@link CancelledException} and removes its timer.
   *
   * <pre>{@code
   * Weft.sleep(Duration.ofHours(1));   // returns at once in real time
   * Weft.elapsed();                     // PT1H
   * }</pre>
   *
   * @param duration how long
   * @throws IllegalArgumentException if {@code duration} is null, or if the task would wake up past
   *     the end of the virtual clock (about 292 years after the run started)
   */
  public static void sleep(Duration duration) {
    Preconditions.requireNonNull(duration, "duration");
    Operations.sleep(duration);
  }

  /**
   * Lets every other ready task and callback run once before the caller continues; asyncio's {@code
   * asyncio.sleep(0)}.
   */
  public static void yieldNow() {
    Operations.yieldNow();
  }

  /**
   * Returns the virtual time since the loop started.
   *
   * @return the elapsed virtual time; {@code Duration.ZERO} at the start
   */
  public static Duration elapsed() {
    return Operations.elapsed();
  }

  /**
   * Returns the loop's virtual time as a {@link Clock}, for code under test that takes a {@code
   * Clock} or an {@link java.time.InstantSource} (every {@code Clock} is one since Java 17): its
   * instant is 1970-01-01T00:00:00Z plus {@link #elapsed()}, in UTC, and {@code millis()}, {@code
   * withZone}, {@code Clock.offset} and {@code LocalDateTime.now(clock)} read the same virtual
   * time. It reads the time of the run it came from; after that run has ended, the time it ended
   * at. Code that reads {@code System.nanoTime()} or {@code System.currentTimeMillis()} directly
   * sees real time: pass it this clock instead.
   *
   * <pre>{@code
   * Clock clock = Weft.clock();
   * Weft.sleep(Duration.ofMinutes(5));
   * clock.instant();   // 1970-01-01T00:05:00Z
   * }</pre>
   *
   * @return a clock that reads this loop's virtual time
   */
  public static Clock clock() {
    return Operations.clock();
  }

  /**
   * Returns a new {@link ScheduledExecutorService} whose work runs as tasks of the current run, on
   * its virtual clock, named {@code "executor-1"}, {@code "executor-2"}, ... in the order the run
   * makes them; see {@link #executor(String)}.
   *
   * @return a new executor of this run
   * @throws IllegalStateException if called outside a run
   */
  public static ScheduledExecutorService executor() {
    return Operations.executor(null);
  }

  /**
   * Returns a new {@link ScheduledExecutorService} whose work runs as tasks of the current run, on
   * its virtual clock: give it to code written against the JDK's executors, and that code becomes
   * deterministic, explorable and fast. It behaves as a {@code ScheduledThreadPoolExecutor} with
   * its default policies, except that it has no threads: each piece of work is a Weft task.
   *
   * <ul>
   *   <li><b>{@code execute}, {@code submit}</b> spawn a task at once, as {@link #spawn(String,
   *       Callable)} does, named {@code "<name>-task-1"}, {@code "<name>-task-2"}, ... ({@code
   *       "executor-1-task-1"} for an unnamed executor); it runs once the caller waits, in
   *       asyncio's order or as a strategy picks. It is an ordinary task: explored, traced, named
   *       in deadlock reports.
   *   <li><b>{@code schedule}</b> spawns the task at once; it waits until the delay has passed on
   *       the virtual clock, then runs the command. A delay of zero or less runs it as {@code
   *       submit} would; a delay past the end of the virtual clock (about 292 years) is never due.
   *   <li><b>{@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay}</b>: one task runs the
   *       command again and again: at {@code initialDelay + n * period}, or {@code delay} after
   *       each run ends (a run may take virtual time). A run that ends late is followed at once by
   *       the runs it missed, never by two at a time. A command that throws ends the schedule, and
   *       its future holds the failure. A period or delay of zero or less is an {@link
   *       IllegalArgumentException}.
   *   <li><b>The futures</b> follow {@code FutureTask}: {@code get()} waits in Weft (the calling
   *       task suspends; a callback cannot call it) and throws {@link
   *       java.util.concurrent.ExecutionException} with the command's failure, or {@link
   *       java.util.concurrent.CancellationException}; {@code get(timeout, unit)} waits at most
   *       that long in virtual time, then throws {@link java.util.concurrent.TimeoutException}.
   *       {@code cancel} takes effect at once: the future is done and cancelled when it returns
   *       true, and its waiters wake up; the task was only asked to cancel, as every Weft task is.
   *       Work that has not started never starts. A running command keeps running after {@code
   *       cancel(false)}; after {@code cancel(true)} its task is cancelled, which the command meets
   *       as a {@link CancelledException} at its next Weft wait, as a thread meets an interrupt at
   *       its next blocking call. Cancelling a task that waits in {@code get} ends only its own
   *       wait, never the work other tasks wait for. {@code getDelay} counts virtual time.
   *   <li><b>{@code shutdown}</b> rejects new work from then on; work already given still runs,
   *       delayed work when it is due, but periodic work stops (its futures are cancelled; a run in
   *       progress finishes first), as {@code ScheduledThreadPoolExecutor}'s defaults say.
   *   <li><b>{@code shutdownNow}</b> also cancels every task: work that has not started is returned
   *       as a list of its futures (in the order it was given), which stay pending, as the JDK's
   *       do; a running command meets the cancellation at its next Weft wait, where a thread would
   *       be interrupted.
   *   <li><b>{@code isShutdown}, {@code isTerminated}, {@code awaitTermination}</b>: terminated
   *       means shut down with every task ended; {@code awaitTermination} waits for that in Weft,
   *       for at most its timeout in virtual time, and returns whether it happened.
   *   <li><b>{@code invokeAll}</b> submits every callable, waits in Weft for all of them (or until
   *       the timeout, then cancels the rest with {@code cancel(true)}), and returns their futures
   *       in order. <b>{@code invokeAny}</b> submits every callable, returns the first result that
   *       arrives and cancels the rest, or throws {@code ExecutionException} with the last failure
   *       if all failed, or {@code TimeoutException} at the timeout. A null element is a {@link
   *       NullPointerException} before any work starts; an empty collection given to {@code
   *       invokeAny} an {@link IllegalArgumentException}.
   *   <li><b>Rejection</b>: work given after a shutdown throws {@link
   *       java.util.concurrent.RejectedExecutionException} (the JDK's {@code AbortPolicy}).
   *   <li><b>Arguments</b>: a null command, callable, collection or {@code TimeUnit} is a {@link
   *       NullPointerException}, as the JDK's interfaces say.
   *   <li><b>Interrupts and cancellation</b>: a method that waits throws {@link
   *       InterruptedException} only when the task's thread is already interrupted as it starts to
   *       wait (as the JDK's do); a cancellation of the waiting task ends the wait with {@link
   *       CancelledException}, which code catching {@code InterruptedException} cannot swallow.
   *       {@code invokeAll} and {@code invokeAny} cancel their work when that happens.
   * </ul>
   *
   * <p>Where Weft differs on purpose: a command's failure that nothing reads (through its future's
   * {@code get}, or {@code invokeAny}) fails the run at its end, as any task's does (see {@link
   * RunOptions#failOnUnobservedFailures(boolean)}), where a {@code ScheduledThreadPoolExecutor}
   * keeps it silently in a future nobody reads; this includes {@code execute}. A failure nothing
   * could read is dropped, as the JDK drops it: what a command throws after its future was
   * cancelled, and what the tasks of {@code invokeAny} throw besides the failures it reports. Work
   * still pending when main returns is cancelled with the run's other tasks (see {@link
   * #run(RunOptions, Callable)}), so an executor that was never shut down leaves no thread behind.
   *
   * <p>Every method must be called from the run that made the executor (a task or a callback): from
   * another run, after the run ended, or from a thread the run does not run (an executor of the
   * JDK, the common pool), it throws {@link IllegalStateException} saying which run made it and
   * where it was used. A future that is done can be read anywhere ({@code isDone}, {@code get}).
   * {@code close()} (Java 19+) is the JDK's: {@code shutdown}, then {@code awaitTermination}.
   *
   * <pre>{@code
   * ScheduledExecutorService executor = Weft.executor("evictor");
   * ScheduledFuture<?> ticks = executor.scheduleAtFixedRate(cache::evictExpired, 1, 1, MINUTES);
   * Weft.sleep(Duration.ofMinutes(10));      // evictor-task-1 has run ten times, in no real time
   * executor.shutdown();                     // stops the periodic work: ticks.isCancelled()
   * executor.awaitTermination(1, SECONDS);   // true
   * executor.submit(() -> 1);                // RejectedExecutionException: shut down by Task 'main' at 600s
   * }</pre>
   *
   * @param name the executor's name, which its tasks' names start with; not blank
   * @return a new executor of this run
   * @throws IllegalArgumentException if {@code name} is null or blank
   * @throws IllegalStateException if called outside a run
   */
  public static ScheduledExecutorService executor(String name) {
    Operations.requireName(name);
    return Operations.executor(name);
  }

  /**
   * Waits in Weft for {@code stage} to complete and returns its value, or throws its failure as
   * {@link java.util.concurrent.CompletableFuture#join()} does: a {@link
   * java.util.concurrent.CompletionException} wrapping it (the stage's own when it already is one),
   * or the {@link java.util.concurrent.CancellationException} of a cancelled stage. A stage already
   * complete returns without suspending.
   *
   * <p>The stage must be completed by the run's tasks or callbacks, for example by work given to
   * {@link #executor()}: {@code CompletableFuture.supplyAsync(supplier, Weft.executor())}. If
   * nothing completes it, the calling task stays blocked and a deadlock report names the stage
   * ({@code main blocked in await(CompletableFuture #1)}, numbered per run in the order tasks first
   * await them). If a thread outside the run completes it while the task waits ({@code supplyAsync}
   * without an executor uses the common pool), the run is stopped with an {@link
   * IllegalStateException} that says to pass {@code Weft.executor()}; Weft cannot tell who
   * completed a stage that was complete before the call.
   *
   * <p>Cancelling the calling task ends the wait with a {@link CancelledException} and leaves the
   * stage alone: other code may be waiting for it too. Call {@code stage.toCompletableFuture()
   * .cancel(...)} to cancel the stage itself. Inside a task, call this rather than the stage's
   * {@code join()} or {@code get()}, which would block the task's thread outside Weft.
   *
   * <pre>{@code
   * CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> 42, Weft.executor());
   * Weft.await(answer.thenApply(x -> x + 1));                    // 43
   * Weft.await(CompletableFuture.failedFuture(new IOException())); // CompletionException(IOException)
   * }</pre>
   *
   * @param stage the stage to wait for
   * @param <T> the result type
   * @return the stage's value
   * @throws IllegalArgumentException if {@code stage} is null
   * @throws IllegalStateException if not called from a task of a run
   */
  public static <T> T await(CompletionStage<T> stage) {
    Preconditions.requireNonNull(stage, "stage");
    return Operations.await(stage);
  }

  /**
   * Returns the task that is running; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.current_task">current_task()</a>.
   *
   * @return the calling task
   * @throws IllegalStateException if called from a callback, which runs outside any task
   */
  public static Task<?> current() {
    return Operations.current();
  }

  /**
   * Waits for all tasks and returns their results in argument order; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.gather">gather</a>.
   *
   * <p>The first task to fail ends the wait with its exception (the same instance; a checked one
   * wrapped in {@link TaskFailedException}); the other tasks are not cancelled and keep running. A
   * cancelled task ends it with a {@link CancelledException}. A task given twice is awaited once
   * and its result appears twice. If the calling task is cancelled, every task not done is
   * cancelled, and the call ends with a {@link CancelledException} once they have reacted. When
   * every task is done already, it returns without suspending.
   *
   * <pre>{@code
   * Weft.gather(List.of(a, b));          // [resultOfA, resultOfB]
   * Weft.gather(List.of(a, failing));    // throws failing's exception; a keeps running
   * }</pre>
   *
   * @param tasks the tasks, from this run
   * @param <T> the common result type
   * @return the results, unmodifiable, in argument order
   * @throws IllegalArgumentException if {@code tasks} or an element is null
   */
  public static <T> List<T> gather(Collection<? extends Task<? extends T>> tasks) {
    Preconditions.requireNonNull(tasks, "tasks");
    return Operations.gather(tasks);
  }

  /**
   * Waits for all tasks and returns their results in argument order; see {@link
   * #gather(Collection)}.
   *
   * @param tasks the tasks, from this run
   * @param <T> the common result type
   * @return the results, unmodifiable, in argument order
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public static <T> List<T> gather(Task<? extends T>... tasks) {
    Preconditions.requireNonNull(tasks, "tasks");
    return Operations.gather(Arrays.asList(tasks));
  }

  /**
   * Waits until every task is done and returns how each ended, in argument order; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.gather">gather(...,
   * return_exceptions=True)</a>.
   *
   * <p>Failures do not end the wait: each sits at its position as an {@link Outcome.Failure}; a
   * cancelled task is a failure holding a {@link CancelledException}. If the calling task is
   * cancelled, the tasks are cancelled and the call ends with a {@link CancelledException} once
   * they have reacted.
   *
   * @param tasks the tasks, from this run
   * @param <T> the common result type
   * @return one outcome per argument, unmodifiable
   * @throws IllegalArgumentException if {@code tasks} or an element is null
   */
  public static <T> List<Outcome<T>> gatherSettled(Collection<? extends Task<? extends T>> tasks) {
    Preconditions.requireNonNull(tasks, "tasks");
    return Operations.gatherSettled(tasks);
  }

  /**
   * Returns the tasks in the order they finish; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.as_completed">as_completed</a>.
   *
   * <p>Each call to the iterator's {@code next()} returns the next task to finish, suspending the
   * calling task until one has if none is waiting; call {@code join()} or {@code result()} on it
   * for its outcome. A task given twice is returned once. The iterable can be iterated once.
   *
   * @param tasks the tasks, from this run
   * @param <T> the result type
   * @return the tasks in completion order
   * @throws IllegalArgumentException if {@code tasks} or an element is null
   */
  public static <T> Iterable<Task<T>> asCompleted(Collection<? extends Task<T>> tasks) {
    Preconditions.requireNonNull(tasks, "tasks");
    return Operations.asCompleted(tasks, null);
  }

  /**
   * Returns the tasks in the order they finish, within a deadline; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.as_completed">as_completed(...,
   * timeout)</a>.
   *
   * <p>The deadline is set now, once for the whole iteration. When it passes, every remaining
   * {@code next()} throws {@link TimedOutException}; the tasks still running are not cancelled.
   *
   * @param tasks the tasks, from this run
   * @param timeout zero or more
   * @param <T> the result type
   * @return the tasks in completion order
   * @throws IllegalArgumentException if an argument is null or {@code timeout} is negative
   */
  public static <T> Iterable<Task<T>> asCompleted(
      Collection<? extends Task<T>> tasks, Duration timeout) {
    Preconditions.requireNonNull(tasks, "tasks");
    Preconditions.requireNotNegative(timeout, "timeout");
    return Operations.asCompleted(tasks, timeout);
  }

  /**
   * Waits until the condition {@code when} holds, and returns which tasks are done; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.wait">wait</a>.
   *
   * <p>Never throws the tasks' failures and never cancels them. Always suspends at least once, even
   * when every task is done already. With {@link ReturnWhen#FIRST_EXCEPTION}, the failures seen
   * before the caller resumes count as observed, as asyncio's {@code wait} reads them; otherwise a
   * failure counts as observed once read ({@link Task#result()}).
   *
   * @param tasks at least one task, from this run; duplicates count once
   * @param when when to return
   * @param <T> the result type
   * @return the done and pending tasks, in argument order
   * @throws IllegalArgumentException if {@code tasks} is null or empty or holds null, or {@code
   *     when} is null
   */
  public static <T> WaitResult<T> wait(Collection<? extends Task<T>> tasks, ReturnWhen when) {
    Preconditions.requireNonNull(tasks, "tasks");
    Preconditions.requireNonNull(when, "when");
    return Operations.wait(tasks, when, null);
  }

  /**
   * Waits until the condition {@code when} holds or {@code timeout} passes, and returns which tasks
   * are done; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.wait">wait(...,
   * timeout)</a>. A timeout is not an error: the call returns normally.
   *
   * @param tasks at least one task, from this run; duplicates count once
   * @param when when to return
   * @param timeout zero or more
   * @param <T> the result type
   * @return the done and pending tasks, in argument order
   * @throws IllegalArgumentException if an argument is null, {@code tasks} is empty, or {@code
   *     timeout} is negative
   */
  public static <T> WaitResult<T> wait(
      Collection<? extends Task<T>> tasks, ReturnWhen when, Duration timeout) {
    Preconditions.requireNonNull(tasks, "tasks");
    Preconditions.requireNonNull(when, "when");
    Preconditions.requireNotNegative(timeout, "timeout");
    return Operations.wait(tasks, when, timeout);
  }

  /**
   * Waits for {@code task} for at most {@code timeout}; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.wait_for">wait_for</a>.
   *
   * <p>At the deadline the task is cancelled and the call waits until it has really finished: if it
   * ended cancelled, a {@link TimedOutException} is thrown; if it caught the cancellation and
   * returned a value, that value is returned; if it failed, its failure is thrown. A timeout of
   * zero or less cancels the task at once unless it is done. Cancelling the caller cancels the task
   * too; wrap it in {@link #shield(Task)} to prevent that.
   *
   * <pre>{@code
   * Weft.waitFor(fast, Duration.ofSeconds(1));   // fast's result
   * Weft.waitFor(slow, Duration.ofSeconds(1));   // TimedOutException at 1s; slow was cancelled
   * }</pre>
   *
   * @param task the task, from this run
   * @param timeout how long to wait; use {@link Task#join()} to wait without a limit
   * @param <T> the result type
   * @return the task's result
   * @throws IllegalArgumentException if an argument is null
   */
  public static <T> T waitFor(Task<T> task, Duration timeout) {
    Preconditions.requireNonNull(task, "task");
    Preconditions.requireNonNull(timeout, "timeout");
    return Operations.waitFor(task, timeout);
  }

  /**
   * Runs {@code body} in the calling task with a deadline; asyncio's {@code async with} <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.timeout">asyncio.timeout(d)</a>.
   *
   * <p>The deadline is {@code now + timeout}. When it passes, the calling task is cancelled; if
   * that cancellation ends the body, a {@link TimedOutException} is thrown whose cause is the
   * {@link CancelledException}. If the body ends with another exception, that exception is thrown
   * with the timeout added as suppressed; if the body catches the cancellation and returns, its
   * value is returned. A deadline already reached fires at the next suspension, so a body that
   * never suspends completes even with a timeout of zero.
   *
   * <pre>{@code
   * Weft.withTimeout(Duration.ofSeconds(1), () -> 42);                                  // 42
   * Weft.withTimeout(Duration.ofSeconds(1), () -> { Weft.sleep(ofSeconds(5)); return 1; });  // TimedOutException at 1s
   * }</pre>
   *
   * @param timeout how long the body may take; zero or less expires at the next suspension
   * @param body what to run
   * @param <T> the result type
   * @return what {@code body} returned
   * @throws IllegalArgumentException if an argument is null
   */
  public static <T> T withTimeout(Duration timeout, Callable<T> body) {
    Preconditions.requireNonNull(timeout, "timeout");
    Preconditions.requireNonNull(body, "body");
    return Operations.withTimeout(timeout, body);
  }

  /**
   * Returns a task that mirrors {@code task} but whose cancellation does not reach it; asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.shield">shield</a>. If
   * {@code task} is done, it is returned itself. Cancelling the shield does not count as observing
   * {@code task}: if {@code task} later fails and nothing reads the failure, the run reports it
   * (see {@link RunOptions#failOnUnobservedFailures(boolean)}), where asyncio would log it as never
   * retrieved.
   *
   * <pre>{@code
   * Weft.waitFor(Weft.shield(save), Duration.ofSeconds(1));  // TimedOutException at 1s; save keeps running
   * }</pre>
   *
   * @param task the task to protect, from this run
   * @param <T> the result type
   * @return the shielding task
   * @throws IllegalArgumentException if {@code task} is null
   */
  public static <T> Task<T> shield(Task<T> task) {
    Preconditions.requireNonNull(task, "task");
    return Operations.shield(task);
  }

  /**
   * Runs {@code body} with a task group and returns when every task spawned into the group has
   * ended; asyncio's {@code async with} <a
   * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.TaskGroup">TaskGroup()</a>.
   *
   * <p>If a task of the group fails, the group cancels the other tasks and the body (whatever the
   * body waits on throws {@link CancelledException}), waits for them all, and throws a {@link
   * TaskGroupException} with every failure, in the order they happened. If the body fails, the
   * tasks are cancelled too and the body's failure comes last in the exception. Cancelled tasks are
   * not failures. If the calling task is cancelled from outside, the group cancels its tasks, waits
   * for them, and rethrows the cancellation, unless tasks failed: the failures are thrown, and the
   * cancellation stays pending for the caller's next wait. Groups nest: an inner group's failure is
   * a failure of the outer body. A {@link VirtualMachineError} (out of memory, stack overflow) in
   * the body or a task is rethrown on its own once the tasks have ended, as asyncio does with
   * {@code KeyboardInterrupt}; the other failures are then not reported.
   *
   * <pre>{@code
   * Weft.taskGroup(group -> {
   *   group.spawn("fetch-a", () -> fetch("a"));
   *   group.spawn("fetch-b", () -> fetch("b"));
   * });                               // both done here, or both cancelled if one failed
   * }</pre>
   *
   * @param body the code that spawns tasks into the group; runs in the calling task
   * @throws TaskGroupException if tasks of the group or the body failed
   * @throws CancelledException if the calling task was cancelled and nothing failed
   * @throws IllegalArgumentException if {@code body} is null
   * @throws IllegalStateException if not called from a task
   */
  public static void taskGroup(ThrowingConsumer<TaskGroup> body) {
    Preconditions.requireNonNull(body, "body");
    Operations.taskGroup(body);
  }

  /**
   * Returns a value in {@code [0, bound)} drawn from the run's schedule: a data choice, explored
   * and shrunk together with the interleaving. In a plain run it returns 0 (the default); under
   * {@link Strategy#random()} it is uniform; an explorer that finds a failure shrinks it toward 0,
   * and a replay returns the recorded value.
   *
   * <pre>{@code
   * int items = 1 + Weft.choose(6);    // 1 to 6 items, chosen by the schedule
   * }</pre>
   *
   * @param bound how many values are possible, 1 or more
   * @return the chosen value
   * @throws IllegalArgumentException if {@code bound} is less than 1
   * @throws IllegalStateException if not called inside a run
   */
  public static int choose(int bound) {
    Preconditions.requireAtLeast(bound, 1, "bound");
    return Operations.choose(bound);
  }

  /**
   * Declares that the running step reads or writes the program's state called {@code name}, for an
   * exhaustive search under {@link SharedState#DECLARED}. That search takes two steps that touch
   * nothing in common (no queue, lock, event, future or task of Weft's, no name passed here) to
   * commute, and runs only one of their orders; a step that reads or writes a field another task
   * also uses must say so here, or the search may skip the order that shows a bug. Names are
   * compared by value ({@code "counter"}, {@code "cache:" + key}), so they mean the same thing in
   * every try. It is no choice point, and other runs only look up the running loop.
   *
   * <pre>{@code
   * Weft.touch("balance");            // this step reads the balance...
   * int seen = balance;
   * Weft.sleep(Duration.ofMillis(1));
   * Weft.touch("balance");            // ...and this one writes it
   * balance = seen + amount;
   * }</pre>
   *
   * @param name what the step touches, not blank
   * @throws IllegalArgumentException if {@code name} is null or blank
   * @throws IllegalStateException if not called inside a run
   * @since 0.1
   */
  public static void touch(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "name must be a non-blank string, but was " + (name == null ? "null" : "'" + name + "'"));
    }
    Operations.touch(name);
  }

  /**
   * Marks a point where, under {@link Preemption#EVERY_OPERATION}, the running task may be switched
   * out, as a thread could be preempted; place it between a read and a write of shared state to let
   * an exploration find the race. Does nothing in a cooperative run or in a callback.
   *
   * @throws IllegalStateException if not called inside a run
   */
  public static void checkpoint() {
    Operations.checkpoint();
  }
}
