package dev.harbor.sdk;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The secrets an instance's entry declares and which of them were supplied; names only. */
@Serdeable
public record InstanceSecrets(String instanceId, List<SecretState> secrets) {

  public InstanceSecrets {
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }

  /** The names of the required secrets nobody has supplied yet. */
  public List<String> missing() {
    return secrets.stream().filter(s -> s.required() && !s.supplied()).map(SecretState::name).toList();
  }
}
