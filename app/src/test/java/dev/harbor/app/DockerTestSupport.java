package dev.harbor.app;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.harbor.launcher.DockerBackend;
import dev.harbor.launcher.Ownership;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Docker for the launcher's integration tests: a client, a loud failure when the engine or the test
 * image is missing (never a silent skip), and a sweep that removes everything a test node made,
 * found by label.
 */
final class DockerTestSupport {

  /** The reference MCP server image that scripts/build-test-images.sh builds. */
  static final String IMAGE = "harbor-test/mcp-everything";
  static final String TAG = "2026.8.31";
  /** A server that allocates memory without bound, for out-of-memory tests. */
  static final String HOG_IMAGE = "harbor-test/mcp-memory-hog";
  static final String HOG_TAG = "1";

  private DockerTestSupport() {}

  /** A client of the local engine, after checking the engine answers and the test images exist. */
  static DockerClient requireDocker() {
    DockerClient docker = DockerBackend.connect(null);
    try {
      docker.pingCmd().exec();
    } catch (RuntimeException e) {
      throw new AssertionError("no Docker engine answers; run scripts/prepare-tests.sh (as root) first", e);
    }
    for (String image : List.of(IMAGE + ":" + TAG, HOG_IMAGE + ":" + HOG_TAG)) {
      try {
        docker.inspectImageCmd(image).exec();
      } catch (NotFoundException e) {
        throw new AssertionError("test image " + image + " is missing; run scripts/prepare-tests.sh first", e);
      }
    }
    return docker;
  }

  /** Containers that claim the node, running or not. */
  static List<Container> containersOf(DockerClient docker, String nodeId) {
    return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Ownership.NODE, nodeId)).exec();
  }

  /** The content of a file inside a running container of the test image, read with its own node binary. */
  static String readFile(DockerClient docker, String containerId, String path) {
    return execInside(docker, containerId,
        "/usr/local/bin/node", "-e", "process.stdout.write(require('fs').readFileSync('" + path + "','utf8'))");
  }

  /** Runs a command in a running container as its user and returns what it wrote to standard output. */
  static String execInside(DockerClient docker, String containerId, String... command) {
    ExecCreateCmdResponse exec = docker.execCreateCmd(containerId).withAttachStdout(true).withAttachStderr(true)
        .withCmd(command)
        .exec();
    StringBuilder out = new StringBuilder();
    try {
      boolean done = docker.execStartCmd(exec.getId()).exec(new ResultCallback.Adapter<Frame>() {
        @Override
        public void onNext(Frame frame) {
          if (frame.getStreamType() == StreamType.STDOUT) {
            out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
          }
        }
      }).awaitCompletion(20, TimeUnit.SECONDS);
      if (!done) {
        throw new AssertionError("command " + List.of(command) + " did not end within 20 s in " + containerId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return out.toString();
  }

  /** Docker Secrets that claim the node; empty when the engine is not a swarm manager. */
  static List<com.github.dockerjava.api.model.Secret> dockerSecretsOf(DockerClient docker, String nodeId) {
    try {
      return docker.listSecretsCmd().withLabelFilter(Map.of(Ownership.NODE, nodeId)).exec();
    } catch (RuntimeException notASwarm) {
      return List.of();
    }
  }

  /** Removes every container that claims the node, and the node's secrets directory. */
  static void sweep(DockerClient docker, String nodeId, Path secretsDir) throws IOException {
    for (var service : docker.listServicesCmd().withLabelFilter(Map.of(Ownership.NODE, nodeId)).exec()) {
      try {
        docker.removeServiceCmd(service.getId()).exec();
      } catch (NotFoundException gone) {
        // removed meanwhile
      }
    }
    for (Container container : containersOf(docker, nodeId)) {
      try {
        docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
      } catch (NotFoundException gone) {
        // removed meanwhile
      }
    }
    for (var secret : dockerSecretsOf(docker, nodeId)) {
      try {
        docker.removeSecretCmd(secret.getId()).exec();
      } catch (RuntimeException goneOrStillHeld) {
        // a service being removed may hold it a moment longer; nothing else uses the test's secrets
      }
    }
    if (secretsDir != null && Files.exists(secretsDir)) {
      try (Stream<Path> walk = Files.walk(secretsDir)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
