package dev.harbor.node.instance;

import dev.harbor.platform.http.BadRequestException;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Instance ids, chosen by node-api before the policy stream sees a setup: {@code i-} and 20 hex
 * digits, derived from the node, the caller's token and the idempotency key when the caller gives
 * one (so a repeated request names the same instance), random otherwise.
 */
public final class InstanceIds {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final int HEX_DIGITS = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private InstanceIds() {}

  /** The id a setup with this idempotency key names, for this node and token. */
  static String forKey(String nodeId, String tokenId, String idempotencyKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((nodeId + "|" + tokenId + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
      return "i-" + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A fresh id for a setup without an idempotency key. */
  static String random() {
    byte[] bytes = new byte[HEX_DIGITS / 2];
    RANDOM.nextBytes(bytes);
    return "i-" + HexFormat.of().formatHex(bytes);
  }

  /** Checks an idempotency key from a request body; null when absent. */
  static @Nullable String checkKey(@Nullable String key) {
    if (key == null) {
      return null;
    }
    if (!KEY.matcher(key).matches()) {
      throw new BadRequestException("idempotencyKey", "1 to 128 letters, digits and _ . : -");
    }
    return key;
  }

  /** Checks an instance id taken from a URL path. */
  public static String checkId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new BadRequestException("id", "not an instance id");
    }
    return id;
  }
}
