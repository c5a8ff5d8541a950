package dev.weft.junit;

import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.SharedState;
import dev.weft.Strategy;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What one Weft test runs with: its annotation's attributes, else the configuration parameters,
 * else Weft's defaults. Every value is checked here, and a bad one fails the test with a message
 * naming the attribute or key and the value; none is silently replaced by a default.
 */
final class Settings {
  static final String TRIES = "weft.explore.tries";
  static final String SEED = "weft.explore.seed";
  static final String STRATEGY = "weft.explore.strategy";
  static final String SHARD = "weft.explore.shard";
  static final String DATABASE = "weft.database";
  static final String SLOW_STEP = "weft.slowStep";

  private static final Pattern CALL = Pattern.compile("(?:Strategy\\.)?(\\w+)\\((.*)\\)");
  private static final Pattern SHARD_TEXT = Pattern.compile("(\\d{1,9})/(\\d{1,9})");
  private static final Pattern DURATION_TEXT = Pattern.compile("(\\d{1,9})\\s*(ms|s)");

  private final ExtensionContext context;
  private final Method method;

  Settings(ExtensionContext context, Method method) {
    this.context = context;
    this.method = method;
  }

  /** The options of a {@code @WeftTest}'s run. */
  RunOptions weftTest(WeftTest annotation) {
    RunOptions options =
        RunOptions.defaults()
            .failOnLeftoverTasks(annotation.failOnLeftoverTasks())
            .preemption(annotation.preemption());
    return maxSteps(slowStep(options), annotation.maxSteps(), "@WeftTest");
  }

  /** The options of each try of an {@code @Explore}, starting from the explorer's defaults. */
  RunOptions explore(Explore annotation, RunOptions explorerDefaults, long seed) {
    RunOptions options =
        explorerDefaults
            .strategy(strategy(annotation))
            .seed(seed)
            .preemption(annotation.preemption())
            .failOnLeftoverTasks(annotation.failOnLeftoverTasks());
    return maxSteps(slowStep(options), annotation.maxSteps(), "@Explore");
  }

  /**
   * Applies {@code weft.slowStep}, the real time one step may take before the run warns: a whole
   * number of milliseconds or seconds ({@code 100ms}, {@code 2s}), or {@code 0} to turn the warning
   * off; without it, {@code options} keep theirs (100 ms).
   */
  private RunOptions slowStep(RunOptions options) {
    Optional<String> text = parameter(SLOW_STEP);
    if (text.isEmpty()) {
      return options;
    }
    String trimmed = text.get().trim();
    if (trimmed.equals("0")) {
      return options.slowStepWarning(Duration.ZERO);
    }
    Matcher matcher = DURATION_TEXT.matcher(trimmed);
    if (!matcher.matches()) {
      throw bad(
          SLOW_STEP + "=" + text.get(),
          "a duration in ms or s, such as 100ms or 2s, or 0 to turn the warning off");
    }
    long amount = Long.parseLong(matcher.group(1));
    return options.slowStepWarning(
        matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount));
  }

  /** Applies an annotation's {@code maxSteps}; -1 keeps what {@code options} have. */
  private static RunOptions maxSteps(RunOptions options, long maxSteps, String annotation) {
    if (maxSteps == -1) {
      return options;
    }
    if (maxSteps < 1) {
      throw bad(annotation + "(maxSteps = " + maxSteps + ")", "1 or more, or -1");
    }
    return options.maxSteps(maxSteps);
  }

  /** How many tries: the annotation's, else {@code weft.explore.tries}, else 1,000. */
  int tries(Explore annotation) {
    if (annotation.tries() != -1) {
      if (annotation.tries() < 1) {
        throw bad("@Explore(tries = " + annotation.tries() + ")", "1 or more, or -1");
      }
      return annotation.tries();
    }
    Optional<String> text = parameter(TRIES);
    if (text.isEmpty()) {
      return 1_000;
    }
    try {
      int tries = Integer.parseInt(text.get().trim());
      if (tries >= 1) {
        return tries;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(TRIES + "=" + text.get(), "a whole number, 1 or more");
  }

  /**
   * The seed: the annotation's, else {@code weft.explore.seed}, else 0; {@code random} draws a
   * fresh one, which the report prints so that the run can be repeated.
   */
  long seed(Explore annotation) {
    if (!annotation.seed().isEmpty()) {
      return seed(annotation.seed(), "@Explore(seed = \"" + annotation.seed() + "\")");
    }
    Optional<String> text = parameter(SEED);
    return text.isEmpty() ? 0 : seed(text.get(), SEED + "=" + text.get());
  }

  private static long seed(String text, String where) {
    String trimmed = text.trim();
    if (trimmed.equals("random")) {
      return new SecureRandom().nextLong(); // asked for: a fresh seed, printed in the report
    }
    try {
      return Long.parseLong(trimmed);
    } catch (NumberFormatException e) {
      throw bad(where, "a whole number (a long), or random");
    }
  }

  /** The strategy: the annotation's, else {@code weft.explore.strategy}, else random. */
  private Strategy strategy(Explore annotation) {
    if (!annotation.strategy().isEmpty()) {
      return strategy(
          annotation.strategy(), "@Explore(strategy = \"" + annotation.strategy() + "\")");
    }
    Optional<String> text = parameter(STRATEGY);
    return text.isEmpty() ? Strategy.random() : strategy(text.get(), STRATEGY + "=" + text.get());
  }

  /**
   * Reads a strategy's text: {@code random}, {@code fifo}, {@code pos}, {@code pct(3)}, {@code
   * exhaustive(2)}, {@code exhaustive(2, declared)}, or the same as Java, {@code Strategy.pct(3)},
   * which is what {@code Strategy.toString()} gives.
   */
  static Strategy strategy(String text, String where) {
    String trimmed = text.trim();
    Matcher call = CALL.matcher(trimmed);
    String name = call.matches() ? call.group(1) : trimmed;
    String argument = call.matches() ? call.group(2).trim() : null;
    String allowed =
        "random, fifo, pos, pct(depth), exhaustive(maxPreemptions) or exhaustive(maxPreemptions,"
            + " declared)";
    try {
      switch (name) {
        case "random":
          if (argument == null || argument.isEmpty()) {
            return Strategy.random();
          }
          break;
        case "fifo":
          if (argument == null || argument.isEmpty()) {
            return Strategy.fifo();
          }
          break;
        case "pos":
          if (argument == null || argument.isEmpty()) {
            return Strategy.pos();
          }
          break;
        case "pct":
          if (argument != null && !argument.isEmpty()) {
            return Strategy.pct(Integer.parseInt(argument));
          }
          break;
        case "exhaustive":
          if (argument != null && !argument.isEmpty()) {
            String[] parts = argument.split(",", -1);
            int bound = Integer.parseInt(parts[0].trim());
            if (parts.length == 1) {
              return Strategy.exhaustive(bound);
            }
            SharedState sharing = sharing(parts[1].trim());
            if (parts.length == 2 && sharing != null) {
              return Strategy.exhaustive(bound, sharing);
            }
          }
          break;
        default:
          break;
      }
    } catch (NumberFormatException e) {
      throw bad(where, allowed + ", with a whole number in the parentheses");
    } catch (IllegalArgumentException e) {
      throw bad(where, allowed + " (" + e.getMessage() + ")");
    }
    throw bad(where, allowed);
  }

  /** Reads {@code declared} or {@code any} (or {@code SharedState.DECLARED}); null otherwise. */
  private static SharedState sharing(String text) {
    String name = text.startsWith("SharedState.") ? text.substring("SharedState.".length()) : text;
    for (SharedState sharing : SharedState.values()) {
      if (sharing.name().equalsIgnoreCase(name)) {
        return sharing;
      }
    }
    return null;
  }

  /** This CI job's shard: {@code weft.explore.shard} as {@code index/count}, else 0/1. */
  int[] shard() {
    Optional<String> text = parameter(SHARD);
    if (text.isEmpty()) {
      return new int[] {0, 1};
    }
    Matcher matcher = SHARD_TEXT.matcher(text.get().trim());
    if (matcher.matches()) {
      int index = Integer.parseInt(matcher.group(1));
      int count = Integer.parseInt(matcher.group(2));
      if (count >= 1 && index < count) {
        return new int[] {index, count};
      }
    }
    throw bad(SHARD + "=" + text.get(), "index/count with 0 <= index < count, such as 0/4");
  }

  /** The failure database's folder, or empty when {@code weft.database} is {@code none}. */
  Optional<Path> database() {
    String text = parameter(DATABASE).map(String::trim).orElse(".weft");
    if (text.equals("none")) {
      return Optional.empty();
    }
    if (text.isEmpty()) {
      throw bad(DATABASE + "=", "a folder, or none");
    }
    try {
      return Optional.of(Path.of(text));
    } catch (RuntimeException e) {
      throw bad(DATABASE + "=" + text, "a folder, or none (" + e.getMessage() + ")");
    }
  }

  /** The schedule of a {@code @Replay}, or empty without one. */
  Optional<Schedule> replay() {
    Replay replay = AnnotationSupport.findAnnotation(method, Replay.class).orElse(null);
    if (replay == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Schedule.parse(replay.value()));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          "@Replay(\""
              + replay.value()
              + "\") on "
              + name()
              + " is not a schedule: "
              + e.getMessage(),
          e);
    }
  }

  /** The test method, for messages: {@code ShopTests#everyItemIsConsumed(ProducerConsumer)}. */
  String name() {
    StringBuilder out =
        new StringBuilder(method.getDeclaringClass().getSimpleName())
            .append('#')
            .append(method.getName())
            .append('(');
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      out.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
    }
    return out.append(')').toString();
  }

  private Optional<String> parameter(String key) {
    return context.getConfigurationParameter(key);
  }

  private static ExtensionConfigurationException bad(String where, String allowed) {
    return new ExtensionConfigurationException(
        "Weft: " + where + " is not allowed; expected " + allowed + ".");
  }
}
