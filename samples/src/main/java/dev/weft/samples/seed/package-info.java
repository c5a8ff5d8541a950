/**
 * The seed program: asyncio's producer-consumer of the README, mirrored line by line from Python,
 * with its four ways of stopping the consumers, one of them the classic bug.
 */
package dev.weft.samples.seed;
