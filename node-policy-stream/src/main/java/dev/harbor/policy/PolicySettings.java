package dev.harbor.policy;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How a node's policy stream behaves: how long an approval request waits for an operator, how often
 * expired requests are looked for (wall-clock time), and the guardrail profile launch specs name.
 * Null components take their defaults.
 *
 * @param approvalTtl how long an approval request stays open; {@value #DEFAULT_APPROVAL_TTL_TEXT} by default
 * @param expiryCheckInterval how often expired approval requests are denied; 30 s by default
 * @param guardrailProfile the hardening profile the launcher applies; {@value #DEFAULT_GUARDRAIL_PROFILE} by default
 */
public record PolicySettings(
    Duration approvalTtl, Duration expiryCheckInterval, String guardrailProfile) {

  /** The default approval lifetime. */
  public static final Duration DEFAULT_APPROVAL_TTL = Duration.ofHours(24);

  /** The default approval lifetime, in words. */
  public static final String DEFAULT_APPROVAL_TTL_TEXT = "24 hours";

  /** The default interval between expiry checks. */
  public static final Duration DEFAULT_EXPIRY_CHECK_INTERVAL = Duration.ofSeconds(30);

  /** The default guardrail profile. */
  public static final String DEFAULT_GUARDRAIL_PROFILE = "restricted";

  private static final Pattern PROFILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

  public PolicySettings {
    approvalTtl = approvalTtl == null ? DEFAULT_APPROVAL_TTL : approvalTtl;
    expiryCheckInterval =
        expiryCheckInterval == null ? DEFAULT_EXPIRY_CHECK_INTERVAL : expiryCheckInterval;
    guardrailProfile = guardrailProfile == null ? DEFAULT_GUARDRAIL_PROFILE : guardrailProfile;
    requirePositive("approvalTtl", approvalTtl);
    requirePositive("expiryCheckInterval", expiryCheckInterval);
    if (!PROFILE.matcher(guardrailProfile).matches()) {
      throw new IllegalArgumentException(
          "guardrailProfile '" + guardrailProfile + "' must match " + PROFILE.pattern());
    }
  }

  /** Every setting at its default. */
  public static PolicySettings defaults() {
    return new PolicySettings(null, null, null);
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but is " + value);
    }
  }
}
