package dev.harbor.node.clientconfig;

import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.catalog.PackageRef;
import dev.harbor.schemas.catalog.RemoteEndpoint;
import dev.harbor.schemas.catalog.SourceFormat;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the catalog entry a pasted server runs. An image matches an entry's {@code image} with
 * tag and digest set aside ({@code mcp/fetch:1.2} is {@code mcp/fetch}) and Docker Hub's implicit
 * registry and {@code library/} namespace spelled out or not; an npm or PyPI package one of an
 * entry's {@code packages} of that registry, version set aside; a URL one of an entry's remotes by
 * scheme, host, port and path (case-insensitive host, no trailing slash; query and fragment, which
 * may hold a key, are set aside). When several entries match, enabled and launchable ones win, then
 * entries from Docker's catalog, then the lowest id.
 */
final class CatalogMatcher {

  private static final Comparator<CatalogItem> PREFERRED =
      Comparator.comparing((CatalogItem i) -> !i.local().enabled())
          .thenComparing(i -> !i.entry().launchable())
          .thenComparing(i -> i.entry().source().format() != SourceFormat.DOCKER_MCP_REGISTRY)
          .thenComparing(CatalogItem::id);

  private CatalogMatcher() {}

  static Optional<CatalogMatch> match(LaunchTarget target, List<CatalogItem> catalog) {
    if (target.value() == null) {
      return Optional.empty();
    }
    return switch (target.kind()) {
      case IMAGE -> byImage(target.value(), catalog);
      case URL -> byUrl(target.value(), catalog);
      case NPM -> byPackage("npm", target.value(), catalog);
      case PYPI -> byPackage("pypi", target.value(), catalog);
      case UNKNOWN -> Optional.empty();
    };
  }

  private static Optional<CatalogMatch> byImage(String pasted, List<CatalogItem> catalog) {
    String wanted = image(pasted);
    return catalog.stream()
        .filter(i -> i.entry().image() != null && image(i.entry().image()).equals(wanted))
        .min(PREFERRED)
        .map(i -> new CatalogMatch(i, "image", i.entry().image()));
  }

  private static Optional<CatalogMatch> byPackage(String registryType, String pasted, List<CatalogItem> catalog) {
    String wanted = packageName(registryType, pasted);
    for (CatalogItem item : catalog.stream().sorted(PREFERRED).toList()) {
      for (PackageRef pkg : item.entry().packages()) {
        if (pkg.registryType().equals(registryType) && wanted.equals(packageName(registryType, pkg.identifier()))) {
          return Optional.of(new CatalogMatch(item, registryType, pkg.identifier()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A package name as its registry compares them: npm names in lower case, PyPI names normalised
   * (lower case, runs of {@code -}, {@code _} and {@code .} as one {@code -}).
   */
  static String packageName(String registryType, String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return registryType.equals("pypi") ? lower.replaceAll("[-_.]+", "-") : lower;
  }

  private static Optional<CatalogMatch> byUrl(String pasted, List<CatalogItem> catalog) {
    String wanted = url(pasted);
    if (wanted == null) {
      return Optional.empty();
    }
    for (CatalogItem item : catalog.stream().sorted(PREFERRED).toList()) {
      for (RemoteEndpoint remote : item.entry().remotes()) {
        if (remote.url() != null && wanted.equals(url(remote.url()))) {
          return Optional.of(new CatalogMatch(item, "url", remote.url()));
        }
      }
    }
    return Optional.empty();
  }

  /** An image reference without tag or digest, with Docker Hub's default registry and namespace removed. */
  static String image(String reference) {
    String image = reference.strip().toLowerCase(Locale.ROOT);
    int digest = image.indexOf('@');
    if (digest >= 0) {
      image = image.substring(0, digest);
    }
    int tag = image.lastIndexOf(':');
    if (tag > image.lastIndexOf('/')) {
      image = image.substring(0, tag);
    }
    for (String registry : List.of("docker.io/", "index.docker.io/", "registry-1.docker.io/")) {
      if (image.startsWith(registry)) {
        image = image.substring(registry.length());
      }
    }
    return image.startsWith("library/") ? image.substring("library/".length()) : image;
  }

  /** Scheme, host, port and path of a URL, the host in lower case and without a trailing slash; null when not a URL. */
  static @Nullable String url(String text) {
    try {
      URI uri = URI.create(text.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
