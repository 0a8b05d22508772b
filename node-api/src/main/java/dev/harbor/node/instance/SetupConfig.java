package dev.harbor.node.instance;

import dev.harbor.platform.http.BadRequestException;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The syntax every setup configuration must have, whatever the catalog entry: a few named, non-secret
 * string values that can never pass for a command-line flag or smuggle control characters. A bad
 * value is refused naming {@code config.<key>}; a bad key, which cannot be echoed safely, naming
 * {@code config}.
 */
public final class SetupConfig {

  static final int MAX_KEYS = 50;
  static final int MAX_VALUE = 1000;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]*");

  private SetupConfig() {}

  /** The configuration, checked; empty when absent. */
  public static Map<String, String> check(@Nullable Map<String, String> config) {
    if (config == null) {
      return Map.of();
    }
    if (config.size() > MAX_KEYS) {
      throw new BadRequestException("config", "at most " + MAX_KEYS + " keys");
    }
    Map<String, String> checked = new LinkedHashMap<>();
    config.forEach(
        (key, value) -> {
          if (key == null || !KEY.matcher(key).matches()) {
            throw new BadRequestException("config", "keys are 1 to 64 letters, digits and _ . -");
          }
          checked.put(key, value(key, value));
        });
    return checked;
  }

  private static String value(String key, @Nullable String value) {
    String field = "config." + key;
    if (value == null) {
      throw new BadRequestException(field, "must be a string");
    }
    if (value.length() > MAX_VALUE) {
      throw new BadRequestException(field, "longer than " + MAX_VALUE + " characters");
    }
    if (!PRINTABLE.matcher(value).matches()) {
      throw new BadRequestException(field, "must not contain control characters");
    }
    if (value.startsWith("-")) {
      throw new BadRequestException(field, "must not start with '-' (it would look like a flag)");
    }
    return value;
  }
}
