/**
 * Fan-out patterns in a realistic shape: a hedged request to replicas that keeps the first answer
 * ({@code Weft.wait} with {@code FIRST_COMPLETED}), results streamed as they complete within a
 * deadline ({@code Weft.asCompleted}), and a timeout that leaves no task behind ({@code
 * Weft.waitFor}, {@code Weft.withTimeout}).
 */
package dev.weft.samples.fanout;
