/**
 * The seed producer-consumer program on real platform threads with an {@link
 * java.util.concurrent.ArrayBlockingQueue}, for contrast with Weft: {@link
 * ThreadedProducerConsumer} (the correct shutdown and the buggy one), and {@link
 * RealThreadsVersusWeft}, a program that runs the buggy version many times on real threads and then
 * lets Weft's explorer find the same bug. Depends only on the JDK, the harness and the JUnit
 * extension's {@code ProducerConsumer} fixture.
 */
package dev.weft.samples.threads;
