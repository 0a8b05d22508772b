package dev.harbor.hub.importer;

import dev.harbor.schemas.catalog.RemoteEndpoint;
import dev.harbor.schemas.catalog.Transport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Transport names as the source registries spell them, and remote endpoints built from them. */
final class Transports {

  private Transports() {}

  /**
   * {@code stdio}, {@code streamable-http} (or {@code http}) and {@code sse}; anything else is
   * unknown.
   */
  static Transport of(String name) {
    if (name == null) {
      return Transport.UNKNOWN;
    }
    return switch (name.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "stdio" -> Transport.STDIO;
      case "streamable-http", "streamablehttp", "http" -> Transport.STREAMABLE_HTTP;
      case "sse" -> Transport.SSE;
      default -> Transport.UNKNOWN;
    };
  }

  /**
   * An endpoint for an http(s) URL (templates such as {@code {tenant}} kept); empty for anything
   * else.
   */
  static Optional<RemoteEndpoint> remote(String type, String url) {
    if (url == null
        || url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      return Optional.empty();
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      return Optional.empty();
    }
    return Optional.of(new RemoteEndpoint(of(type), url));
  }

  /** The one transport all endpoints share, {@link Transport#MIXED} when they differ. */
  static Transport common(List<RemoteEndpoint> remotes) {
    List<Transport> distinct = remotes.stream().map(RemoteEndpoint::transport).distinct().toList();
    if (distinct.isEmpty()) {
      return Transport.UNKNOWN;
    }
    return distinct.size() == 1 ? distinct.getFirst() : Transport.MIXED;
  }
}
