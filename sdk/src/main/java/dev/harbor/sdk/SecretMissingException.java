package dev.harbor.sdk;

import dev.harbor.schemas.instance.Instance;
import java.util.List;

/**
 * The instance waits in {@code secret_missing}: its entry needs secrets an operator has not supplied
 * yet. An operator supplies each with {@link HarborClient#supplySecret}; then {@link
 * HarborClient#awaitActive} follows the instance on to {@code active}.
 */
public class SecretMissingException extends SetupException {

  private final List<String> secretNames;

  public SecretMissingException(Instance instance, List<String> secretNames) {
    super(instance, "waiting for an operator to supply " + String.join(", ", secretNames));
    this.secretNames = List.copyOf(secretNames);
  }

  /** The names of the secrets still missing. */
  public List<String> secretNames() {
    return secretNames;
  }
}
