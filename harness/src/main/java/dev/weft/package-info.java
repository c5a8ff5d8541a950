/**
 * Weft's public API: run a program on a virtual-clock loop, one task at a time, in the order
 * Python's asyncio would (or in an order a {@link dev.weft.Schedule} chooses), with asyncio's task
 * model in Java.
 *
 * <ul>
 *   <li>{@link dev.weft.Weft}: the facade ({@code run}, {@code spawn}, {@code sleep}, {@code
 *       gather}, {@code asCompleted}, {@code wait}, {@code waitFor}, {@code withTimeout}, {@code
 *       shield}, {@code taskGroup}, {@code choose}), with {@link dev.weft.Task}, {@link
 *       dev.weft.Promise}, {@link dev.weft.TaskGroup} and their results;
 *   <li>the primitives: {@link dev.weft.Queue} (and its LIFO and priority variants), {@link
 *       dev.weft.Event}, {@link dev.weft.Lock}, {@link dev.weft.Semaphore}, {@link
 *       dev.weft.Condition}, {@link dev.weft.Barrier};
 *   <li>how a run runs: {@link dev.weft.RunOptions}, {@link dev.weft.Strategy}, {@link
 *       dev.weft.Schedule}, {@link dev.weft.Preemption}, and what it tells: {@link
 *       dev.weft.RunListener}, {@link dev.weft.RunEvent};
 *   <li>how a run fails: {@link dev.weft.DeadlockException}, {@link
 *       dev.weft.StepLimitExceededException}, {@link dev.weft.BlockedOutsideWeftException}, {@link
 *       dev.weft.LeftoverTasksException}, {@link dev.weft.CancelledException} and the others.
 * </ul>
 *
 * <p>This package depends on {@code java.base} only; its implementation lives in {@code
 * dev.weft.internal}, which is not exported.
 */
package dev.weft;
