package dev.harbor.sdk;

import dev.harbor.schemas.instance.Instance;

/**
 * A setup that {@link HarborClient#setupAndWait} followed did not end {@code active}. The Node
 * accepted the request; the instance went elsewhere. {@link #status()} is 0, {@link #error()} the
 * instance's status ({@code denied}, {@code failed}, ...), and {@link #instance()} the instance as
 * last seen. Thrown as such when the instance was removed while the SDK waited; its subclasses name
 * the other outcomes.
 */
public class SetupException extends HarborException {

  private final transient Instance instance;

  public SetupException(Instance instance, String message) {
    super("instance " + instance.id() + " of " + instance.catalogId() + " is " + instance.status().wire()
        + ": " + message, instance.status().wire());
    this.instance = instance;
  }

  /** The instance as the SDK last saw it. */
  public Instance instance() {
    return instance;
  }

  /** The instance's id, to follow it further with {@link HarborClient#awaitActive}. */
  public String instanceId() {
    return instance.id();
  }
}
