package dev.harbor.launcher;

import dev.harbor.schemas.catalog.NetworkMode;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LaunchSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a launch order into a {@link ContainerRequest}: the spec's command and arguments as whole
 * argv tokens (no shell), its non-secret environment, its first declared port published on
 * 127.0.0.1 at a port Harbor chose, secrets bound read-only from files at {@code /run/secrets/NAME},
 * the network the entry asks for, and the hardening of the guardrail profile. Nothing in a spec can
 * add a mount, a capability, a device, privileged mode or host networking: the request has no field
 * for any of them. Specs asking for what the launcher will not do are refused with a plain reason.
 */
public final class ContainerRequests {

  /** Where secrets appear inside a container. */
  public static final String SECRETS_PATH = "/run/secrets/";

  /** Where the secret-environment wrapper appears inside a container that needs it. */
  public static final String SECRET_ENV_WRAPPER = "/run/harbor/secret-env";

  /** The network of containers whose entry asks for none but must publish a port: no route out. */
  public static final String NO_EGRESS_NETWORK = "harbor-no-egress";

  /** The MCP endpoint path of streamable HTTP servers. */
  public static final String HTTP_PATH = "/mcp";

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  private ContainerRequests() {}

  /**
   * The request for an order.
   *
   * @param secretFiles secret name to the host file holding its value (file delivery)
   * @param wrapper the host file of the secret-environment wrapper, bound when the spec needs it
   * @throws LaunchFailure when the spec asks for what Harbor does not run
   */
  public static ContainerRequest of(
      Ownership ownership,
      LaunchOrder order,
      String catalogId,
      GuardrailProfile profile,
      ImageFacts image,
      int hostPort,
      Map<String, Path> secretFiles,
      Path wrapper)
      throws LaunchFailure {
    LaunchSpec spec = order.spec();
    if (!spec.volumes().isEmpty()) {
      throw new LaunchFailure("the entry declares volumes (" + spec.volumes().size()
          + "), and Harbor mounts no host path into a server");
    }
    boolean stdio = spec.transport() == Transport.STDIO;
    if (!stdio && spec.transport() != Transport.STREAMABLE_HTTP && spec.transport() != Transport.SSE) {
      throw new LaunchFailure("the entry's transport is " + spec.transport().wire()
          + "; Harbor launches stdio and HTTP servers");
    }
    int containerPort = 0;
    if (!stdio) {
      containerPort = spec.ports().stream().mapToInt(PortSpec::containerPort).filter(p -> p > 0 && p < 65536)
          .findFirst()
          .orElseThrow(() -> new LaunchFailure("the entry serves HTTP but declares no port"));
    }
    List<String> cmd = new ArrayList<>(spec.command());
    cmd.addAll(spec.args());
    List<String> env = new ArrayList<>();
    for (Map.Entry<String, String> variable : spec.env().entrySet()) {
      requireEnvName(variable.getKey());
      env.add(variable.getKey() + "=" + variable.getValue());
    }
    Map<String, String> binds = new LinkedHashMap<>();
    for (String name : spec.secretNames()) {
      requireSecretName(name);
      Path file = secretFiles.get(name);
      if (file != null) {
        binds.put(file.toString(), SECRETS_PATH + name);
      }
    }
    List<String> entrypoint = null;
    List<String> effectiveCmd = cmd.isEmpty() ? image.cmd() : cmd;
    if (!spec.secretEnv().isEmpty()) {
      if (!java.nio.file.Files.isRegularFile(wrapper)) {
        throw new LaunchFailure("the server reads secrets from environment variables, and this node has no "
            + "secret-environment wrapper at " + wrapper);
      }
      List<String> mapping = new ArrayList<>();
      for (Map.Entry<String, String> exported : spec.secretEnv().entrySet()) {
        requireSecretName(exported.getKey());
        requireEnvName(exported.getValue());
        mapping.add(exported.getValue() + "=" + SECRETS_PATH + exported.getKey());
      }
      env.add("HARBOR_SECRET_ENV=" + String.join(",", mapping));
      binds.put(wrapper.toString(), SECRET_ENV_WRAPPER);
      entrypoint = new ArrayList<>(List.of(SECRET_ENV_WRAPPER, "--"));
      entrypoint.addAll(image.entrypoint());
      if (image.entrypoint().isEmpty() && effectiveCmd.isEmpty()) {
        throw new LaunchFailure("the image names no entrypoint and the entry no command");
      }
    }
    List<String> clientCommand = new ArrayList<>(entrypoint != null ? entrypoint : image.entrypoint());
    clientCommand.addAll(effectiveCmd);
    String network;
    if (spec.network().mode() == NetworkMode.NONE) {
      network = stdio ? "none" : NO_EGRESS_NETWORK;
    } else {
      network = "bridge";
    }
    return new ContainerRequest(
        ownership.containerName(order.instanceId()),
        image.id(),
        ownership.labels(order.instanceId(), catalogId, order.specHash(), order.id()),
        entrypoint,
        entrypoint != null ? effectiveCmd : cmd,
        env,
        profile.userFor(image.user()),
        containerPort,
        stdio ? 0 : hostPort,
        network,
        binds,
        profile,
        stdio,
        clientCommand);
  }

  private static void requireSecretName(String name) throws LaunchFailure {
    if (name == null || !SECRET_NAME.matcher(name).matches() || name.contains("..")) {
      throw new LaunchFailure("secret name '" + name + "' cannot be a file name");
    }
  }

  private static void requireEnvName(String name) throws LaunchFailure {
    if (name == null || !ENV_NAME.matcher(name).matches()) {
      throw new LaunchFailure("environment variable name '" + name + "' is not acceptable");
    }
  }
}
