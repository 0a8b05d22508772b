package dev.harbor.node.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The shape of a Harbor token, {@code hbr_<id>_<secret>}: an id of 12 lower-case letters and
 * digits, and a secret of 32 random bytes in unpadded base64url (43 characters).
 */
final class TokenFormat {

  static final String PREFIX = "hbr_";
  static final int ID_LENGTH = 12;
  private static final int SECRET_BYTES = 32;
  private static final int SECRET_LENGTH = 43;
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int TOKEN_LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;

  /** A token split into its parts; {@link #toString()} leaves the secret out. */
  record Parts(String id, String secret) {
    @Override
    public String toString() {
      return "Parts[id=" + id + "]";
    }
  }

  private final SecureRandom random = new SecureRandom();

  String newId() {
    char[] id = new char[ID_LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length()));
    }
    return new String(id);
  }

  String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String format(String id, String secret) {
    return PREFIX + id + "_" + secret;
  }

  /** The parts of a well-formed token; empty for anything else. */
  static Optional<Parts> parse(String raw) {
    if (raw == null || raw.length() != TOKEN_LENGTH || !raw.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int idEnd = PREFIX.length() + ID_LENGTH;
    String id = raw.substring(PREFIX.length(), idEnd);
    String secret = raw.substring(idEnd + 1);
    if (raw.charAt(idEnd) != '_' || !isId(id) || !isBase64Url(secret)) {
      return Optional.empty();
    }
    return Optional.of(new Parts(id, secret));
  }

  static boolean isId(String id) {
    if (id.length() != ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (ID_ALPHABET.indexOf(id.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** SHA-256 of the secret, base64url: what {@code tokens.json} keeps. */
  static String hash(String secret) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(secret));
  }

  /** Whether {@code secret} hashes to {@code storedHash}, compared in constant time. */
  static boolean matches(String secret, String storedHash) {
    byte[] expected;
    try {
      expected = Base64.getUrlDecoder().decode(storedHash);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, digest(secret));
  }

  private static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static boolean isBase64Url(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
