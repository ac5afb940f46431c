package uk.gov.tfwh.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The API reads published snapshots through the warehouse's query layer; it never runs Spark. */
@AnalyzeClasses(packages = "uk.gov.tfwh.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

  @ArchTest
  static final ArchRule noSpark =
      noClasses()
          .that()
          .resideInAPackage("uk.gov.tfwh.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.spark..", "scala..")
          .because("the API serves published snapshots and must start without Spark");

  /**
   * Feature packages depend on each other one way only, so each can be read, changed and tested
   * from its own folder down.
   */
  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("uk.gov.tfwh.api.(*)..").should().beFreeOfCycles();
}
