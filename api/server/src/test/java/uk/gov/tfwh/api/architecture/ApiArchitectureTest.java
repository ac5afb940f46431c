package uk.gov.tfwh.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The API reads published snapshots through the warehouse's query layer; it never runs Spark. */
@AnalyzeClasses(packages = "uk.gov.tfwh.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

  // allowEmptyShould: the API module has no classes yet; the rule must pass until it has some and
  // then hold for every one of them.
  @ArchTest
  static final ArchRule noSpark =
      noClasses()
          .that()
          .resideInAPackage("uk.gov.tfwh.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.spark..", "scala..")
          .because("the API serves published snapshots and must start without Spark")
          .allowEmptyShould(true);
}
