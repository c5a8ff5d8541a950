package dev.weft.internal;

/**
 * Makes sure the calling thread has stack for a handoff of the baton before it begins one, so that
 * a task whose stack is nearly full gets its {@link StackOverflowError} before the baton moves,
 * never between passing it and parking (which would leave two threads running, or none woken).
 *
 * <p>Java cannot ask how much stack is left, so {@link #ensure} recurses through a few large frames
 * and returns: if the stack had room for them, it has room for the handoff, which runs in those
 * same bytes right after (waking the next thread and parking this one: a dozen frames when both are
 * virtual threads). Each frame keeps 32 {@code long}s alive across its recursive call, so that
 * compiled code spills them to the stack: about 350 bytes a frame on x86-64, more while
 * interpreted. The JVM keeps its own margin below that for native code (the shadow zone).
 *
 * <p>Checking costs some 150 ns, so it is done only where a thread switch follows (from half a
 * microsecond between virtual threads to several between platform threads), not on every Weft call,
 * where it would make the cheap ones ten times slower; an overflow elsewhere in Weft's code is
 * caught and ends the run instead (see {@link Ending#brokenBy}).
 */
final class StackReserve {
  /** How many probe frames a check descends: about {@code FRAMES * 350} bytes, compiled. */
  static final int FRAMES = 8;

  /** Values the probe keeps alive; their content does not matter. */
  private static final long[] VALUES = new long[32];

  /** Where the probe's result goes, so that the compiler cannot drop the probe. */
  @SuppressWarnings("unused")
  private static long sink;

  private StackReserve() {}

  /**
   * Returns if the stack has room for a handoff; otherwise throws the {@code StackOverflowError},
   * before anything has changed.
   */
  static void ensure() {
    sink = probe(FRAMES);
  }

  private static long probe(int frames) {
    long[] v = VALUES;
    long a0 = v[0], a1 = v[1], a2 = v[2], a3 = v[3], a4 = v[4], a5 = v[5], a6 = v[6], a7 = v[7];
    long b0 = v[8], b1 = v[9], b2 = v[10], b3 = v[11], b4 = v[12], b5 = v[13], b6 = v[14];
    long b7 = v[15], c0 = v[16], c1 = v[17], c2 = v[18], c3 = v[19], c4 = v[20], c5 = v[21];
    long c6 = v[22], c7 = v[23], d0 = v[24], d1 = v[25], d2 = v[26], d3 = v[27], d4 = v[28];
    long d5 = v[29], d6 = v[30], d7 = v[31];
    if (frames == 0) {
      return 0;
    }
    long below = probe(frames - 1);
    return below + a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7
        + c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7;
  }
}
