package dev.weft.junit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs {@link WeftTest} and {@link Explore} methods on Weft's virtual loop, and gives their {@link
 * ProducerConsumer} parameters {@link ProducerConsumer#seed()}.
 *
 * <p>Public so that {@code @ExtendWith} can name it; the annotations already register it, so a test
 * never needs to. It keeps no state between tests, so test methods may run in parallel.
 *
 * @since 0.1
 */
public final class WeftExtension implements InvocationInterceptor, ParameterResolver {

  /** Made by JUnit, through {@code @ExtendWith} on the annotations. */
  public WeftExtension() {}

  /**
   * Runs the test method's body as {@code main} of a Weft run (a {@link WeftTest}), or of every try
   * of an exploration (an {@link Explore}); a method with neither runs as JUnit would run it.
   *
   * @param invocation the method's invocation, which a {@code @WeftTest} proceeds with on the loop
   * @param invocationContext the method, its instance and its arguments
   * @param extensionContext the test's context: configuration, report entries, files
   * @throws Throwable what the run threw, or the exploration's report
   */
  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    Method method = invocationContext.getExecutable();
    WeftTest weftTest = method.getAnnotation(WeftTest.class);
    Explore explore = method.getAnnotation(Explore.class);
    if (weftTest != null && explore != null) {
      throw new ExtensionConfigurationException(
          "Weft: "
              + new Settings(extensionContext, method).name()
              + " has both @WeftTest and @Explore; use one: @WeftTest runs the body once, @Explore"
              + " searches its schedules.");
    }
    if (explore != null) {
      new ExploreRunner(extensionContext, invocationContext, explore).run(invocation);
    } else if (weftTest != null) {
      new WeftTestRunner(extensionContext, method, weftTest).run(invocation);
    } else {
      invocation.proceed();
    }
  }

  /**
   * Supports parameters of type {@link ProducerConsumer} in {@link WeftTest} and {@link Explore}
   * methods.
   *
   * @param parameterContext the parameter
   * @param extensionContext the test's context
   * @return whether Weft provides it
   */
  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == ProducerConsumer.class
        && (parameterContext.getDeclaringExecutable().isAnnotationPresent(WeftTest.class)
            || parameterContext.getDeclaringExecutable().isAnnotationPresent(Explore.class));
  }

  /**
   * Returns {@link ProducerConsumer#seed()}; each try of an exploration gets its own.
   *
   * @param parameterContext the parameter
   * @param extensionContext the test's context
   * @return the fixture
   */
  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return ProducerConsumer.seed();
  }
}
