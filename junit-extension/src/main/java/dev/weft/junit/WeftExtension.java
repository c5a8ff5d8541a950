package dev.weft.junit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

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
    WeftTest weftTest = AnnotationSupport.findAnnotation(method, WeftTest.class).orElse(null);
    Explore explore = AnnotationSupport.findAnnotation(method, Explore.class).orElse(null);
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
    } else if (AnnotationSupport.isAnnotated(method, Replay.class)) {
      invocation.skip();
      throw new ExtensionConfigurationException(
          "Weft: @Replay on "
              + new Settings(extensionContext, method).name()
              + " needs @WeftTest or @Explore on the method: a plain @Test does not run on Weft's"
              + " loop.");
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
        && (AnnotationSupport.isAnnotated(parameterContext.getDeclaringExecutable(), WeftTest.class)
            || AnnotationSupport.isAnnotated(
                parameterContext.getDeclaringExecutable(), Explore.class));
  }

  /**
   * Returns {@link ProducerConsumer#seed()}; each try of an exploration resolves it again (the
   * value is immutable, so every try starts from the same configuration).
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
