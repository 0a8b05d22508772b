package dev.harbor.app;

import dev.harbor.launcher.LaunchStep;
import dev.harbor.launcher.LaunchStepListener;
import dev.harbor.launcher.LauncherService;
import dev.harbor.launcher.LauncherSettings;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A node's launcher alone in its own JVM, so a test can kill it with SIGKILL at any step. Arguments:
 * bootstrap servers, node id, Harbor home, secrets directory, and the {@link LaunchStep} after which
 * the first launch stops dead (printing {@code PAUSED <instance> <step>}), or {@code none}.
 */
public final class LauncherProcess {

  private LauncherProcess() {}

  public static void main(String[] args) throws InterruptedException {
    String bootstrap = args[0];
    String nodeId = args[1];
    Path home = Path.of(args[2]);
    Path secrets = Path.of(args[3]);
    LaunchStep pauseAfter = "none".equals(args[4]) ? null : LaunchStep.valueOf(args[4]);
    LaunchStepListener steps = (instanceId, step) -> {
      if (step == pauseAfter) {
        System.out.println("PAUSED " + instanceId + " " + step);
        System.out.flush();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    KafkaSettings kafka = KafkaSettings.local(bootstrap);
    LauncherSettings settings = LauncherSettings.defaults(nodeId, home).withSecretsDir(secrets);
    new LauncherService(settings, kafka, new TopicProvisioner(kafka), steps);
    System.out.println("READY");
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
