/**
 * JUnit Jupiter annotations that run tests on Weft's virtual loop.
 *
 * <p>Depends on {@code dev.weft} and {@code dev.weft.explore} (the harness) and on JUnit Jupiter's
 * API; its implementation classes are package-private.
 */
package dev.weft.junit;
