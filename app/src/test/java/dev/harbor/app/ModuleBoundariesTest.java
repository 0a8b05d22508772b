package dev.harbor.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked on the compiled classes of every module: contracts depend on nothing
 * of Harbor's, shared code on no service, the Hub and the Node never on each other (Kafka is the only
 * way they talk), the SDK on nothing but the contracts and used by no service (only the command
 * line in {@code dev.harbor.app.cli} uses it), and no module reaches into another module's {@code
 * internal} packages.
 */
class ModuleBoundariesTest {

  /** Module name to its root package. */
  private static final Map<String, String> MODULES =
      Map.of(
          "schemas", "dev.harbor.schemas",
          "platform", "dev.harbor.platform",
          "embedded-kafka", "dev.harbor.kafka.embedded",
          "hub-catalog-publisher", "dev.harbor.hub",
          "node-api", "dev.harbor.node",
          "node-policy-stream", "dev.harbor.policy",
          "audit-sink", "dev.harbor.audit",
          "sdk", "dev.harbor.sdk",
          "app", "dev.harbor.app");

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.harbor");
  }

  @Test
  void contractsDependOnNoOtherHarborModule() {
    noClasses()
        .that().resideInAPackage("dev.harbor.schemas..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.harbor.platform..", "dev.harbor.kafka..", "dev.harbor.hub..", "dev.harbor.node..", "dev.harbor.app..")
        .check(classes);
  }

  @Test
  void sharedCodeDependsOnNoService() {
    noClasses()
        .that().resideInAnyPackage("dev.harbor.platform..", "dev.harbor.kafka.embedded..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.harbor.hub..", "dev.harbor.node..", "dev.harbor.app..")
        .check(classes);
  }

  @Test
  void theHubAndTheNodeNeverUseEachOther() {
    noClasses().that().resideInAPackage("dev.harbor.hub..")
        .should().dependOnClassesThat().resideInAPackage("dev.harbor.node..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.harbor.node..")
        .should().dependOnClassesThat().resideInAPackage("dev.harbor.hub..")
        .check(classes);
  }

  @Test
  void theNodesStreamsNeverDependOnItsApiOrEachOther() {
    noClasses()
        .that().resideInAnyPackage("dev.harbor.policy..", "dev.harbor.audit..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.harbor.node..", "dev.harbor.hub..", "dev.harbor.app..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.harbor.policy..")
        .should().dependOnClassesThat().resideInAPackage("dev.harbor.audit..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.harbor.audit..")
        .should().dependOnClassesThat().resideInAPackage("dev.harbor.policy..")
        .check(classes);
  }

  @Test
  void theSdkUsesNoHarborModuleButTheContractsAndOnlyTheCommandLineUsesIt() {
    noClasses()
        .that().resideInAPackage("dev.harbor.sdk..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.harbor.platform..", "dev.harbor.kafka..", "dev.harbor.hub..", "dev.harbor.node..",
            "dev.harbor.policy..", "dev.harbor.launcher..", "dev.harbor.audit..", "dev.harbor.app..")
        .check(classes);
    noClasses()
        .that().resideOutsideOfPackages("dev.harbor.sdk..", "dev.harbor.app.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.harbor.sdk..")
        .check(classes);
  }

  @Test
  void servicesDoNotStartTheirOwnBroker() {
    noClasses()
        .that().resideInAnyPackage("dev.harbor.hub..", "dev.harbor.node..", "dev.harbor.policy..", "dev.harbor.audit..")
        .should().dependOnClassesThat().resideInAPackage("dev.harbor.kafka.embedded..")
        .check(classes);
  }

  @Test
  void noModuleReachesIntoAnotherModulesInternals() {
    MODULES.values().forEach(root ->
        noClasses()
            .that().resideOutsideOfPackage(root + "..")
            .should().dependOnClassesThat().resideInAPackage(root + ".internal..")
            .allowEmptyShould(true)
            .check(classes));
  }
}
