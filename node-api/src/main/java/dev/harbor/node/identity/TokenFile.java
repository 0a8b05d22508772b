package dev.harbor.node.identity;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The content of {@code tokens.json}: a format version and the active tokens. */
@Serdeable
record TokenFile(int version, List<StoredToken> tokens) {

  static final int CURRENT_VERSION = 1;

  TokenFile {
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
  }
}
