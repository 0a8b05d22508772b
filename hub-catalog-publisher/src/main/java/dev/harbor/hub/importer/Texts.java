package dev.harbor.hub.importer;

import java.util.regex.Pattern;

/**
 * Small text helpers shared by the importers: safe quoting of source values in skip reasons, name
 * checks.
 */
final class Texts {

  /**
   * Environment variable names Harbor passes through: no {@code =}, whitespace or control
   * characters.
   */
  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  /**
   * Secret names, which become file names under {@code /run/secrets}: no separators, no leading
   * dot.
   */
  static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  private static final int MAX_QUOTED = 300;

  private Texts() {}

  /** A source value quoted for a message: see {@link #clean}. */
  static String quote(String value) {
    return value == null ? "null" : "'" + clean(value) + "'";
  }

  /**
   * A source value made safe for a one-line message: control characters escaped, long values
   * shortened.
   */
  static String clean(String value) {
    StringBuilder out = new StringBuilder();
    int limit = Math.min(value.length(), MAX_QUOTED);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.append(value.length() > MAX_QUOTED ? "…" : "").toString();
  }

  /** A one-line, bounded version of an exception message for a skip reason. */
  static String oneLine(String message) {
    String line = message == null ? "no detail" : message.replaceAll("\\s+", " ").strip();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  static boolean isEnvName(String name) {
    return name != null && ENV_NAME.matcher(name).matches();
  }

  static boolean isSecretName(String name) {
    return name != null && SECRET_NAME.matcher(name).matches() && !name.contains("..");
  }
}
