package dev.harbor.policy;

/**
 * Glob matching for policy conditions: {@code *} matches any run of characters (also none),
 * {@code ?} exactly one, every other character itself. Case-sensitive, no escapes, no regular
 * expressions, linear in practice (greedy with one backtrack point).
 */
final class Glob {

  private Glob() {}

  static boolean matches(String glob, String text) {
    int g = 0;
    int t = 0;
    int starAt = -1;
    int resumeAt = 0;
    while (t < text.length()) {
      if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
        g++;
        t++;
      } else if (g < glob.length() && glob.charAt(g) == '*') {
        starAt = g++;
        resumeAt = t;
      } else if (starAt >= 0) {
        g = starAt + 1;
        t = ++resumeAt;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }
}
