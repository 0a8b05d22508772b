package dev.harbor.launcher;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hardening a container runs under. Every profile drops all capabilities, forbids new
 * privileges, runs with Docker's init as PID 1 and restarts on failure at most {@code restartLimit}
 * times; the profiles differ in limits, in the root filesystem and in the user.
 *
 * <ul>
 *   <li>{@code restricted} (the default): read-only root filesystem with a 64 MiB tmpfs at /tmp,
 *       256 MiB of memory and no swap, half a CPU, 128 processes, the unprivileged user
 *       {@code 65534:65534} unless the image names a non-root user of its own.
 *   <li>{@code standard}: read-only root filesystem with a 256 MiB tmpfs at /tmp, 1 GiB, one CPU,
 *       512 processes, the image's own user unless that is root (then {@code 65534:65534}).
 * </ul>
 */
public record GuardrailProfile(
    String name,
    long memoryBytes,
    long nanoCpus,
    long pidsLimit,
    Map<String, String> tmpfs,
    int restartLimit) {

  /** The unprivileged user a container runs as when its image names no non-root user. */
  public static final String UNPRIVILEGED_USER = "65534:65534";

  private static final Pattern ROOT_UID = Pattern.compile("[+-]?0+");

  public static final GuardrailProfile RESTRICTED =
      new GuardrailProfile("restricted", 256L << 20, 500_000_000L, 128,
          Map.of("/tmp", "rw,noexec,nosuid,nodev,size=64m"), 3);

  public static final GuardrailProfile STANDARD =
      new GuardrailProfile("standard", 1L << 30, 1_000_000_000L, 512,
          Map.of("/tmp", "rw,noexec,nosuid,nodev,size=256m"), 3);

  public GuardrailProfile {
    tmpfs = Map.copyOf(tmpfs);
  }

  /** The profile of that name ({@code restricted}, {@code standard}), case-insensitive. */
  public static Optional<GuardrailProfile> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "restricted" -> Optional.of(RESTRICTED);
      case "standard" -> Optional.of(STANDARD);
      default -> Optional.empty();
    };
  }

  /**
   * The user to run as: the image's own when it is not root, else {@link #UNPRIVILEGED_USER}. Root
   * is {@code root} or any number the engine reads as uid 0 ({@code 0}, {@code 00}, {@code +0}).
   */
  public String userFor(String imageUser) {
    if (imageUser == null || imageUser.isBlank()) {
      return UNPRIVILEGED_USER;
    }
    String user = imageUser.strip();
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    return name.equals("root") || ROOT_UID.matcher(name).matches() ? UNPRIVILEGED_USER : user;
  }

  /** Memory limit in MiB, for messages. */
  public long memoryMiB() {
    return memoryBytes >> 20;
  }
}
