package uk.gov.tfwh.programme.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The programme's domain is plain Java so the ETL, the warehouse and the API can all share its
 * rules: it must not pull in Spark, Spring, Jackson or POI.
 */
@AnalyzeClasses(
    packages = "uk.gov.tfwh.programme",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ProgrammeArchitectureTest {

  @ArchTest
  static final ArchRule plainJava =
      noClasses()
          .that()
          .resideInAPackage("uk.gov.tfwh.programme..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.spark..",
              "scala..",
              "org.springframework..",
              "com.fasterxml.jackson..",
              "org.apache.poi..")
          .because("the programme's rules are plain Java, shared by the ETL, warehouse and API");

  @ArchTest
  static final ArchRule featurePackagesHaveNoCycles =
      slices().matching("uk.gov.tfwh.programme.(*)..").should().beFreeOfCycles();
}
