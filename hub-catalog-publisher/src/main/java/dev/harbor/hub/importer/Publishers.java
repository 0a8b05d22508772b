package dev.harbor.hub.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Derives a readable publisher from what a source says about an entry.
 *
 * <ul>
 *   <li>A project URL on a code forge ({@code https://github.com/OWNER/repo}) gives {@code OWNER};
 *       any other project URL gives its host without {@code www.}.
 *   <li>An image reference gives its namespace ({@code ghcr.io/OWNER/img} gives {@code OWNER}).
 *   <li>A remote endpoint gives its host without a leading {@code www.} or {@code mcp.} label.
 *   <li>An official registry name gives the owner from its reverse-DNS namespace: {@code
 *       io.github.OWNER/x} (also {@code com.github.}, {@code io.gitlab.}, {@code com.gitlab.})
 *       gives {@code OWNER}; any other namespace is turned back into the domain it was derived
 *       from, so {@code ai.alpic.test/x} gives {@code test.alpic.ai} and {@code com.example/x}
 *       gives {@code example.com}.
 * </ul>
 */
final class Publishers {

  private static final Set<String> FORGES =
      Set.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org");
  private static final List<String> FORGE_NAMESPACES =
      List.of("io.github.", "com.github.", "io.gitlab.", "com.gitlab.");

  private Publishers() {}

  static Optional<String> fromProjectUrl(String url) {
    Optional<URI> uri = httpUri(url);
    if (uri.isEmpty()) {
      return Optional.empty();
    }
    String host = uri.get().getHost().toLowerCase(Locale.ROOT);
    host = host.startsWith("www.") ? host.substring(4) : host;
    if (FORGES.contains(host)) {
      String path = uri.get().getPath() == null ? "" : uri.get().getPath();
      return Optional.of(path.replaceFirst("^/+", ""))
          .map(p -> p.split("/", 2)[0])
          .filter(owner -> !owner.isBlank());
    }
    return Optional.of(host);
  }

  static Optional<String> fromImage(ImageReference image) {
    return image == null ? Optional.empty() : image.namespace();
  }

  static Optional<String> fromRemoteUrl(String url) {
    return httpUri(url)
        .map(uri -> uri.getHost().toLowerCase(Locale.ROOT))
        .map(host -> host.replaceFirst("^(www|mcp)\\.(?=.+\\..+)", ""));
  }

  static Optional<String> fromServerName(String serverName) {
    int slash = serverName.indexOf('/');
    String namespace = slash < 0 ? serverName : serverName.substring(0, slash);
    if (namespace.isBlank()) {
      return Optional.empty();
    }
    for (String forge : FORGE_NAMESPACES) {
      if (namespace.length() > forge.length() && namespace.startsWith(forge)) {
        return Optional.of(namespace.substring(forge.length()));
      }
    }
    List<String> labels = new ArrayList<>(List.of(namespace.split("\\.")));
    labels.removeIf(String::isBlank);
    Collections.reverse(labels);
    return labels.isEmpty() ? Optional.empty() : Optional.of(String.join(".", labels));
  }

  private static Optional<URI> httpUri(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
