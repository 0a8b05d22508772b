package dev.harbor.sdk;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The body {@code {"value": "..."}} of a secret, written straight from the caller's characters to
 * UTF-8 bytes, without ever making a {@link String} of the value. Every intermediate buffer is
 * zeroed; the caller zeroes the returned bytes once they are sent.
 */
final class SecretBody {

  private static final char[] PREFIX = "{\"value\":\"".toCharArray();
  private static final char[] SUFFIX = "\"}".toCharArray();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private SecretBody() {}

  static byte[] encode(char[] value) {
    char[] json = new char[PREFIX.length + escapedLength(value) + SUFFIX.length];
    ByteBuffer bytes = null;
    try {
      int at = copy(PREFIX, json, 0);
      for (char c : value) {
        at = escape(c, json, at);
      }
      copy(SUFFIX, json, at);
      CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      bytes = encoder.encode(CharBuffer.wrap(json));
      byte[] body = new byte[bytes.remaining()];
      bytes.get(body);
      return body;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the secret value is not valid text (a lone surrogate character)");
    } finally {
      Arrays.fill(json, '\0');
      if (bytes != null && bytes.hasArray()) {
        Arrays.fill(bytes.array(), (byte) 0);
      }
    }
  }

  private static int escapedLength(char[] value) {
    int length = 0;
    for (char c : value) {
      length += c == '"' || c == '\\' ? 2 : c < 0x20 ? 6 : 1;
    }
    return length;
  }

  private static int escape(char c, char[] json, int at) {
    if (c == '"' || c == '\\') {
      json[at++] = '\\';
      json[at++] = c;
    } else if (c < 0x20) {
      json[at++] = '\\';
      json[at++] = 'u';
      json[at++] = '0';
      json[at++] = '0';
      json[at++] = HEX[c >> 4];
      json[at++] = HEX[c & 0xf];
    } else {
      json[at++] = c;
    }
    return at;
  }

  private static int copy(char[] from, char[] to, int at) {
    System.arraycopy(from, 0, to, at, from.length);
    return at + from.length;
  }
}
