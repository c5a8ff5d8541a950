/**
 * How choice points are decided, recorded and replayed; not exported. A strategy ({@code
 * StrategyImpl} and one class per strategy) starts a {@code Search} per exploration, which hands a
 * {@code Chooser} to each try; at each of the run's {@code ChoicePoints} the chooser makes a {@code
 * Choice}, and the choices a run made are its schedule ({@code dev.weft.Schedule}, reached through
 * {@code ScheduleAccess}). A finished try is a {@code TryRecord}.
 *
 * <p>Strategy, then choice, then schedule: this package sees the loop only through {@code LoopView}
 * (the ready callbacks and the running task) and depends on {@code dev.weft} for the public types
 * it implements; it never depends on {@code dev.weft.internal}'s loop, except for {@code Messages}
 * and {@code Preconditions}.
 */
package dev.weft.internal.search;
