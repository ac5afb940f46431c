package uk.gov.tfwh.returns.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The reader and the rule catalogue are plain Java: the Spark job runs them on its executors and
 * its driver, and anything else that must judge a return (a test, a future upload check) runs the
 * same rules without Spark or Spring.
 */
@AnalyzeClasses(
    packages = "uk.gov.tfwh.returns",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ReturnsArchitectureTest {

  @ArchTest
  static final ArchRule plainJava =
      noClasses()
          .that()
          .resideInAPackage("uk.gov.tfwh.returns..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.spark..", "scala..", "org.springframework..")
          .because("the contract's rules live once, in plain Java, whoever runs them");

  @ArchTest
  static final ArchRule onlyTheSheetReadersKnowTheFileFormats =
      noClasses()
          .that()
          .resideInAnyPackage(
              "uk.gov.tfwh.returns.rules..",
              "uk.gov.tfwh.returns.model..",
              "uk.gov.tfwh.returns.history..",
              "uk.gov.tfwh.returns.check..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.poi..", "org.xml.sax..", "org.apache.commons.csv..")
          .because("rules judge cells, whatever file they came from; sheet/ reads CSV and XLSX");

  @ArchTest
  static final ArchRule featurePackagesHaveNoCycles =
      slices().matching("uk.gov.tfwh.returns.(*)..").should().beFreeOfCycles();
}
