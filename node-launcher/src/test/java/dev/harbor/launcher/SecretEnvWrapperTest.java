package dev.harbor.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing the secret-environment wrapper the build compiled into the launcher's classpath. */
class SecretEnvWrapperTest {

  private static final int PT_INTERP = 3;

  @TempDir Path dir;

  @Test
  void theShippedProgramIsInstalledWithMode0555MakingItsDirectories() throws IOException {
    Path target = dir.resolve("nodes/node-a/bin/secret-env");

    boolean written = SecretEnvWrapper.install(target);

    assertThat(written).isTrue();
    assertThat(Files.readAllBytes(target)).isEqualTo(SecretEnvWrapper.program());
    assertThat(mode(target)).isEqualTo("r-xr-xr-x");
    assertThat(listing(target.getParent())).containsExactly("secret-env");
  }

  @Test
  void anIdenticalFileIsLeftInPlace() throws IOException {
    Path target = dir.resolve("bin/secret-env");
    SecretEnvWrapper.install(target);
    Object before = fileKey(target);

    boolean written = SecretEnvWrapper.install(target);

    assertThat(written).isFalse();
    assertThat(fileKey(target)).isEqualTo(before);
  }

  @Test
  void anIdenticalFileWithAnotherModeGetsMode0555Back() throws IOException {
    Path target = dir.resolve("bin/secret-env");
    SecretEnvWrapper.install(target);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxrwxrwx"));

    SecretEnvWrapper.install(target);

    assertThat(mode(target)).isEqualTo("r-xr-xr-x");
  }

  @Test
  void aDifferentFileIsReplacedByANewOneMovedIntoPlace() throws IOException {
    Path target = dir.resolve("bin/secret-env");
    Files.createDirectories(target.getParent());
    Files.writeString(target, "#!/bin/sh\necho an older wrapper\n");
    Object before = fileKey(target);

    boolean written = SecretEnvWrapper.install(target, new byte[] {1, 2, 3});

    assertThat(written).isTrue();
    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    assertThat(fileKey(target)).isNotEqualTo(before);
    assertThat(mode(target)).isEqualTo("r-xr-xr-x");
    assertThat(listing(target.getParent())).containsExactly("secret-env");
  }

  @Test
  void theShippedProgramIsAStaticallyLinkedExecutable() {
    ByteBuffer elf = ByteBuffer.wrap(SecretEnvWrapper.program()).order(ByteOrder.LITTLE_ENDIAN);

    assertThat(elf.getInt(0)).as("ELF magic").isEqualTo(0x464c457f);
    assertThat(elf.get(4)).as("64-bit").isEqualTo((byte) 2);
    assertThat(elf.getShort(16)).as("an executable, not a shared object").isEqualTo((short) 2);
    long programHeaders = elf.getLong(32);
    int entrySize = Short.toUnsignedInt(elf.getShort(54));
    int count = Short.toUnsignedInt(elf.getShort(56));
    for (int i = 0; i < count; i++) {
      assertThat(elf.getInt((int) programHeaders + i * entrySize))
          .as("program header %d asks for no dynamic loader", i)
          .isNotEqualTo(PT_INTERP);
    }
  }

  private static Object fileKey(Path file) throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static List<String> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
