/**
 * Weft's JUnit Jupiter extension: {@code @WeftTest} runs a test method on Weft's virtual loop,
 * {@code @Explore} searches its schedules, {@code @Replay} runs one schedule, and {@code
 * ProducerConsumer} is an injectable fixture. The only exported package is {@code dev.weft.junit}.
 */
module dev.weft.junit {
  requires transitive dev.weft;
  requires transitive org.junit.jupiter.api;
  requires org.opentest4j;
  requires org.junit.platform.commons;

  exports dev.weft.junit;
}
