/**
 * The demo: {@link Demo} tells the seed program's story in one command, on the embedded defaults —
 * the correct run and its timeline, the buggy run's deadlock report, the explorer finding and
 * shrinking the bug, and the replay reproducing it.
 */
package dev.weft.samples.demo;
