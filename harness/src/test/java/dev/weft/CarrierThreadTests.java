package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Task bodies run on virtual threads when the JVM has them, on platform threads otherwise. */
class CarrierThreadTests {

  @Test
  void taskBodiesRunOnTheExpectedKindOfThread() throws Exception {
    Thread carrier = Weft.run(Thread::currentThread);
    String forced = System.getProperty("weft.carrier", "");
    boolean jvmHasVirtualThreads = Runtime.version().feature() >= 21;
    boolean expectVirtual = jvmHasVirtualThreads && !forced.equals("platform");
    assertThat(isVirtual(carrier)).isEqualTo(expectVirtual);
    assertThat(carrier.getName()).isEqualTo("weft-main");
    assertThat(carrier).isNotSameAs(Thread.currentThread());
  }

  private static boolean isVirtual(Thread thread) throws Exception {
    try {
      Method isVirtual = Thread.class.getMethod("isVirtual");
      return (Boolean) isVirtual.invoke(thread);
    } catch (NoSuchMethodException java17) {
      return false;
    }
  }
}
