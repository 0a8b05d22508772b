package dev.harbor.launcher.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Secrets as files in a Harbor-owned directory on a tmpfs ({@code /dev/shm/harbor/<node>/secrets} by
 * default, so values never touch a disk): one directory per instance (0700), one file per secret
 * (0400, handed to the user the container runs as before it starts), bound read-only into the container at
 * {@code /run/secrets/NAME} and deleted with the instance. A file is written under a temporary name
 * and moved into place, so a container never sees half a value.
 */
public final class FileSecretStore implements SecretStore {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  private final Path root;

  /** @param root the directory to keep secrets in; made 0700 when missing */
  public FileSecretStore(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root);
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the secrets directory " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public void put(String instanceId, String name, byte[] value) {
    Path dir = dir(instanceId);
    safe(name, "secret name");
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      Path temporary = dir.resolve("." + name + ".new");
      Files.deleteIfExists(temporary);
      Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(temporary, value);
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("r--------"));
      Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store secret " + name + " of instance " + instanceId, e);
    }
  }

  @Override
  public Set<String> names(String instanceId) {
    Set<String> names = new TreeSet<>();
    Path dir = dir(instanceId);
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!name.startsWith(".")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the secrets of instance " + instanceId, e);
    }
    return names;
  }

  @Override
  public Map<String, Path> files(String instanceId, Set<String> wanted) {
    Map<String, Path> files = new LinkedHashMap<>();
    for (String name : names(instanceId)) {
      if (wanted.contains(name)) {
        files.put(name, dir(instanceId).resolve(name));
      }
    }
    return files;
  }

  @Override
  public void grant(String instanceId, String containerUser) {
    String[] ids = containerUser == null ? new String[0] : containerUser.split(":");
    boolean numeric = ids.length >= 1 && ids[0].matches("\\d+") && (ids.length == 1 || ids[1].matches("\\d+"));
    for (String name : names(instanceId)) {
      Path file = dir(instanceId).resolve(name);
      try {
        if (numeric) {
          int uid = Integer.parseInt(ids[0]);
          Files.setAttribute(file, "unix:uid", uid);
          Files.setAttribute(file, "unix:gid", ids.length > 1 ? Integer.parseInt(ids[1]) : uid);
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        } else {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot hand secret " + name + " of instance " + instanceId
            + " to user " + containerUser, e);
      }
    }
  }

  @Override
  public java.util.Optional<byte[]> value(String instanceId, String name) {
    Path file = dir(instanceId).resolve(safe(name, "secret name"));
    try {
      return java.util.Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException missing) {
      return java.util.Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read secret " + name + " of instance " + instanceId, e);
    }
  }

  @Override
  public Set<String> valuesForRedaction(String instanceId) {
    Set<String> values = new TreeSet<>();
    for (String name : names(instanceId)) {
      try {
        String value = Files.readString(dir(instanceId).resolve(name), StandardCharsets.UTF_8).strip();
        if (!value.isEmpty()) {
          values.add(value);
        }
      } catch (NoSuchFileException gone) {
        // deleted meanwhile
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read secret " + name + " of instance " + instanceId, e);
      }
    }
    return values;
  }

  @Override
  public void deleteAll(String instanceId) {
    Path dir = dir(instanceId);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the secrets of instance " + instanceId, e);
    }
  }

  @Override
  public Set<String> instances() {
    Set<String> instances = new TreeSet<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      dirs.forEach(d -> instances.add(d.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    return instances;
  }

  private Path dir(String instanceId) {
    return root.resolve(safe(instanceId, "instance id"));
  }

  private static String safe(String value, String what) {
    if (value == null || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' is not acceptable");
    }
    return value;
  }
}
