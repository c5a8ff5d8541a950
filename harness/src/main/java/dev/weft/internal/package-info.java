/**
 * The implementation of a run; not exported. {@code Loop} is the event loop (ready queue, timers,
 * virtual clock, passes); {@code RunningLoop} says which loop runs on a thread; {@code Handoff} and
 * {@code Baton} move the right to run between carrier threads; {@code Ending} and {@code Shutdown}
 * end a run; {@code Runner} is {@code Weft.run} (watchdog, unwinding, thread cleanup); {@code
 * TaskImpl}, {@code FutureBase} and their kin are futures; {@code Gather}, {@code AsCompleted},
 * {@code Waits}, {@code Timeouts}, {@code Shield} and {@code TaskGroupImpl} are the facade's
 * operations; {@code LoopBinding} and {@code Waiter} are what the primitives in {@code dev.weft}
 * use; {@code WeftExecutor}, {@code ExecutorFuture} and {@code StageAwait} put the JDK's {@code
 * ScheduledExecutorService} and {@code CompletionStage} on the loop, and {@code Inbox} is the one
 * way into a running loop from another thread; {@code Reports} and {@code Messages} word every
 * failure, {@code Preconditions} every argument check.
 *
 * <p>May depend on {@code dev.weft} (the types it implements) and {@code dev.weft.internal.search}
 * (the choice points the loop asks); never on {@code dev.weft.explore}. Classes are public only
 * where another Weft package must reach them.
 */
package dev.weft.internal;
