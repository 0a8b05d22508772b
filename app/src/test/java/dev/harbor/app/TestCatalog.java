package dev.harbor.app;

import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.NetworkMode;
import dev.harbor.schemas.catalog.NetworkSpec;
import dev.harbor.schemas.catalog.PortSpec;
import dev.harbor.schemas.catalog.SecretSpec;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Catalog entries for the launcher's tests, pointing at the locally built reference MCP server, and a
 * way to publish them onto the catalog topic as the Hub would.
 */
final class TestCatalog {

  private TestCatalog() {}

  /** The reference server over streamable HTTP on its port 3001, with no route out. */
  static CatalogEntry everythingHttp(String id) {
    return entry(id, DockerTestSupport.IMAGE, DockerTestSupport.TAG, Transport.STREAMABLE_HTTP,
        List.of("streamableHttp"), List.of(new PortSpec("http", 3001, "tcp")), List.of());
  }

  /** The reference server over stdio. */
  static CatalogEntry everythingStdio(String id) {
    return entry(id, DockerTestSupport.IMAGE, DockerTestSupport.TAG, Transport.STDIO, List.of("stdio"), List.of(),
        List.of());
  }

  /** The reference server over HTTP, needing one secret delivered as a file. */
  static CatalogEntry everythingWithSecret(String id, String secretName) {
    return entry(id, DockerTestSupport.IMAGE, DockerTestSupport.TAG, Transport.STREAMABLE_HTTP,
        List.of("streamableHttp"), List.of(new PortSpec("http", 3001, "tcp")),
        List.of(new SecretSpec(secretName, null, "A token the server would use", true)));
  }

  /** The reference server over stdio, needing one secret. */
  static CatalogEntry everythingStdioWithSecret(String id, String secretName) {
    return entry(id, DockerTestSupport.IMAGE, DockerTestSupport.TAG, Transport.STDIO, List.of("stdio"), List.of(),
        List.of(new SecretSpec(secretName, null, "A token the server would use", true)));
  }

  /**
   * The reference server over HTTP, needing one secret that it reads from the environment variable
   * {@code envName}: Harbor starts it through the secret-environment wrapper.
   */
  static CatalogEntry everythingWithEnvSecret(String id, String secretName, String envName) {
    return entry(id, DockerTestSupport.IMAGE, DockerTestSupport.TAG, Transport.STREAMABLE_HTTP,
        List.of("streamableHttp"), List.of(new PortSpec("http", 3001, "tcp")),
        List.of(new SecretSpec(secretName, envName, "A token the server reads from its environment", true)));
  }

  /** An HTTP entry whose image is on no registry this machine reaches. */
  static CatalogEntry missingImage(String id) {
    return entry(id, "harbor-test/does-not-exist", "1", Transport.STREAMABLE_HTTP, List.of(),
        List.of(new PortSpec("http", 3001, "tcp")), List.of());
  }

  /** An HTTP entry whose server allocates memory until the kernel kills it, before it ever listens. */
  static CatalogEntry memoryHog(String id) {
    return entry(id, DockerTestSupport.HOG_IMAGE, DockerTestSupport.HOG_TAG, Transport.STREAMABLE_HTTP, List.of(),
        List.of(new PortSpec("http", 3001, "tcp")), List.of());
  }

  static CatalogEntry entry(String id, String image, String tag, Transport transport, List<String> args,
      List<PortSpec> ports, List<SecretSpec> secrets) {
    Instant now = Instant.parse("2026-11-01T00:00:00Z");
    String slug = id.substring(id.indexOf('.') + 1);
    return new CatalogEntry(
        id, slug, "Test " + slug, "The MCP reference server, built locally for tests", "harbor-tests",
        List.of("test"), "devops", null, null, null, image, tag, null, transport, LauncherKind.DOCKER, true, null,
        List.of(), args, List.of(), List.of(), secrets, ports, List.of(),
        new NetworkSpec(NetworkMode.NONE, List.of()), null, List.of(), null, List.of(), "1.0", List.of(),
        EntryStatus.AVAILABLE, Visibility.PUBLIC,
        new CatalogSource(SourceFormat.DOCKER_MCP_REGISTRY, "harbor-tests", slug, null, "MIT"), now, now);
  }

  /** Publishes the entries on the catalog topic of the running system. */
  static void publish(Harbor harbor, CatalogEntry... entries) throws IOException {
    KafkaSettings kafka = KafkaSettings.local(Files.readString(harbor.settings().bootstrapFile()).trim());
    try (KafkaProducer<String, CatalogEntry> producer = new KafkaProducer<>(
        kafka.producerProps("test-catalog"), Topics.CATALOG.keySerde().serializer(),
        Topics.CATALOG.valueSerde().serializer())) {
      for (CatalogEntry entry : entries) {
        producer.send(new ProducerRecord<>(Topics.CATALOG.name(), entry.id(), entry)).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }
}
