package dev.harbor.launcher;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What the launcher needs to know about an image that is on the node: its content id, the registry
 * digest when it has one, and its own entrypoint, command and user.
 */
public record ImageFacts(
    String id,
    @Nullable String repoDigest,
    List<String> entrypoint,
    List<String> cmd,
    @Nullable String user) {

  public ImageFacts {
    entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
    cmd = cmd == null ? List.of() : List.copyOf(cmd);
  }

  /** The digest to record as what actually ran: the registry digest when known, else the content id. */
  public String runDigest() {
    if (repoDigest != null && repoDigest.contains("@")) {
      return repoDigest.substring(repoDigest.indexOf('@') + 1);
    }
    return id;
  }
}
