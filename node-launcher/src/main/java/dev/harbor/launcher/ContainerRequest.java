package dev.harbor.launcher;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * Everything the launcher asks Docker to create for one instance, decided before Docker is called.
 * Only {@link ContainerRequests} makes one, from a launch spec, a guardrail profile and facts about
 * the image; no field here can come from a caller unchecked.
 *
 * @param entrypoint replaces the image's entrypoint when not null (the secret-environment wrapper)
 * @param cmd the container command; empty keeps the image's own
 * @param env {@code NAME=value} pairs, never a secret value
 * @param containerPort the port published on 127.0.0.1:{@code hostPort}, or 0 for none
 * @param network {@code none}, {@code bridge} or the name of a Harbor network
 * @param secretFiles host file to container path, each bound read-only
 * @param stdio true for servers reached through their standard input (kept open)
 * @param clientCommand what a client runs inside the container to reach a stdio server
 */
public record ContainerRequest(
    String name,
    String image,
    Map<String, String> labels,
    @Nullable List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    String user,
    int containerPort,
    int hostPort,
    String network,
    Map<String, String> secretFiles,
    GuardrailProfile profile,
    boolean stdio,
    List<String> clientCommand) {

  public ContainerRequest {
    labels = Map.copyOf(labels);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    secretFiles = Map.copyOf(secretFiles);
    clientCommand = List.copyOf(clientCommand);
  }
}
