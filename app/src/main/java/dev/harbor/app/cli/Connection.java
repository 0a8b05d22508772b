package dev.harbor.app.cli;

import dev.harbor.sdk.HarborClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which Node the command line talks to and with which token: {@code --node} or {@code
 * HARBOR_NODE_URL} (default {@code http://127.0.0.1:8080}); {@code --token}, {@code HARBOR_TOKEN}, or
 * the operator token file {@code $HARBOR_HOME/operator.token} ({@code HARBOR_HOME} default {@code ~/.harbor}).
 *
 * @param nodeUrl the Node's base URL
 * @param token the bearer token
 */
public record Connection(String nodeUrl, String token) {

  /** The Node's URL when neither {@code --node} nor {@code HARBOR_NODE_URL} says. */
  public static final String DEFAULT_NODE_URL = "http://127.0.0.1:8080";

  /**
   * Resolves the connection.
   *
   * @param node the {@code --node} option; may be null
   * @param token the {@code --token} option; may be null
   * @throws MissingTokenException when no token is given and the operator token file does not exist
   */
  public static Connection resolve(String node, String token, Map<String, String> env) {
    String url = firstOf(node, env.get("HARBOR_NODE_URL"), DEFAULT_NODE_URL);
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new UsageException("the node URL must start with http:// or https://, not '" + url + "'", null);
    }
    String chosen = firstOf(token, env.get("HARBOR_TOKEN"), null);
    if (chosen == null) {
      String home = firstOf(env.get("HARBOR_HOME"), null, Path.of(System.getProperty("user.home"), ".harbor").toString());
      Path file = Path.of(home, "operator.token");
      if (!Files.isReadable(file)) {
        throw new MissingTokenException("no token: pass --token, set HARBOR_TOKEN, or run where " + file + " exists");
      }
      try {
        chosen = Files.readString(file).trim();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return new Connection(url, chosen);
  }

  /** A client of the Node with this token. */
  public HarborClient client() {
    try {
      return HarborClient.builder().baseUri(nodeUrl).token(token).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage(), null);
    }
  }

  private static String firstOf(String first, String second, String fallback) {
    if (first != null && !first.isBlank()) {
      return first;
    }
    return second != null && !second.isBlank() ? second : fallback;
  }

  /** No token was given and none was found; exits with {@link ExitCode#FORBIDDEN}. */
  public static final class MissingTokenException extends RuntimeException {

    MissingTokenException(String message) {
      super(message);
    }
  }
}
