package dev.harbor.app.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}, or plain seconds. */
final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  private Durations() {}

  static Duration parse(String text, Args args) {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
      throw args.usage("not a positive duration: '" + text + "' (such as 500ms, 60s, 2m, 1h)");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
  }
}
