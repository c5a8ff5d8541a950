package dev.weft.internal.search;

/**
 * Two independent 64-bit hashes of a trace's canonical form: what the exhaustive search keeps of
 * each trace it ran, to count the distinct ones (a trace's form can be long; its fingerprint is
 * not).
 */
record Fingerprint(long first, long second) {
  static Fingerprint of(CharSequence text) {
    long first = 0xcbf29ce484222325L; // FNV-1a
    long second = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      first = (first ^ c) * 0x100000001b3L;
      second = Long.rotateLeft(second ^ (c * 0xBF58476D1CE4E5B9L), 29) * 0x94D049BB133111EBL;
    }
    return new Fingerprint(first, second);
  }
}
