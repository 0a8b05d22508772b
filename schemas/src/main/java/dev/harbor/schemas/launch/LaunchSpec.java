package dev.harbor.schemas.launch;

import dev.harbor.schemas.Require;
import dev.harbor.schemas.catalog.NetworkSpec;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.VolumeSpec;
import dev.harbor.schemas.json.JsonSerde;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Exactly what the launcher runs for an instance, resolved from the catalog entry and the caller's
 * validated non-secret values: image, command and arguments (whole tokens, never a shell string),
 * non-secret environment, secret names (values never travel) and the environment variable each one
 * is exported as for servers that read only their environment ({@code secretEnv}), ports, volumes,
 * network and the
 * guardrail profile. {@link #hash()} identifies it: an approval is bound to it.
 */
@Serdeable
public record LaunchSpec(
    String image,
    @Nullable String tag,
    @Nullable String digest,
    Transport transport,
    List<String> command,
    List<String> args,
    Map<String, String> env,
    List<String> secretNames,
    Map<String, String> secretEnv,
    List<PortSpec> ports,
    List<VolumeSpec> volumes,
    NetworkSpec network,
    String guardrailProfile) {

  public LaunchSpec {
    Require.text(image, "image");
    Require.text(guardrailProfile, "guardrailProfile");
    if (transport == null) {
      transport = Transport.UNKNOWN;
    }
    command = command == null ? List.of() : List.copyOf(command);
    args = args == null ? List.of() : List.copyOf(args);
    env = env == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(env));
    secretNames = secretNames == null ? List.of() : List.copyOf(secretNames);
    secretEnv = secretEnv == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(secretEnv));
    ports = ports == null ? List.of() : List.copyOf(ports);
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    if (network == null) {
      network = new NetworkSpec(null, List.of());
    }
  }

  /** SHA-256 (hex) of the spec's canonical JSON: equal specs, equal hashes. */
  public String hash() {
    LaunchSpec canonical =
        new LaunchSpec(image, tag, digest, transport, command, args, new TreeMap<>(env),
            secretNames.stream().sorted().toList(), new TreeMap<>(secretEnv), ports, volumes, network, guardrailProfile);
    try {
      byte[] json = JsonSerde.of(LaunchSpec.class).toJson(canonical).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
