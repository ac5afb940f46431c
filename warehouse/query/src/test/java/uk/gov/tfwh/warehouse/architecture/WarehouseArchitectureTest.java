package uk.gov.tfwh.warehouse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The warehouse (table contract, snapshots, query layer) is used by the Spark load and by the
 * Spring API, so it may depend on neither: each would drag its runtime into the other.
 */
@AnalyzeClasses(
    packages = "uk.gov.tfwh.warehouse",
    importOptions = ImportOption.DoNotIncludeTests.class)
class WarehouseArchitectureTest {

  @ArchTest
  static final ArchRule noSpark =
      noClasses()
          .that()
          .resideInAPackage("uk.gov.tfwh.warehouse..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.spark..", "scala..")
          .because("the warehouse is read by the API, which must not need Spark");

  @ArchTest
  static final ArchRule noSpring =
      noClasses()
          .that()
          .resideInAPackage("uk.gov.tfwh.warehouse..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..")
          .because("the warehouse is written by the Spark load, which must not need Spring");
}
