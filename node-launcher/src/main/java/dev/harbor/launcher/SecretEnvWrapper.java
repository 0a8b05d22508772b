package dev.harbor.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Puts the secret-environment wrapper where the launcher binds it from: the statically linked
 * program built from {@code src/main/c/secret-env.c}, shipped as the classpath resource {@value
 * #RESOURCE}, copied to the node's {@link LauncherSettings#secretEnvWrapper()} with mode 0555. The
 * file is written under a temporary name and moved into place, so a container starting meanwhile
 * never binds half a program; a file that already holds the same bytes is left alone.
 */
public final class SecretEnvWrapper {

  /** The classpath resource holding the wrapper program. */
  public static final String RESOURCE = "harbor/launcher/secret-env";

  private SecretEnvWrapper() {}

  /**
   * Installs the wrapper shipped with the launcher at {@code target}.
   *
   * @return true when the file was written, false when it already held the program
   * @throws IllegalStateException when the launcher was built without the wrapper
   */
  public static boolean install(Path target) {
    return install(target, program());
  }

  /**
   * Installs {@code program} at {@code target}, making missing directories.
   *
   * @return true when the file was written, false when it already held these bytes
   */
  static boolean install(Path target, byte[] program) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), program)) {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
        return false;
      }
      Path temporary = Files.createTempFile(dir, "." + target.getFileName(), ".new",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.write(temporary, program);
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install the secret-environment wrapper at " + target, e);
    }
  }

  /** The wrapper program shipped with the launcher. */
  static byte[] program() {
    try (InputStream in = SecretEnvWrapper.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the launcher was built without its secret-environment wrapper ("
            + RESOURCE + " is not on the classpath)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret-environment wrapper " + RESOURCE, e);
    }
  }
}
