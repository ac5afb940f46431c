package uk.gov.tfwh.warehouse.iceberg.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The Iceberg layer is shared by the Spark load and the API, so it carries no engine of its own: no
 * Spark, Hadoop, DuckDB or Trino (docs/design/iceberg.md, section 3). In the Spark JVM the classes
 * of {@code iceberg-core} come from Iceberg's Spark runtime jar, which shades Iceberg's libraries,
 * so only Iceberg's own API types may be used, never its shaded or relocated ones.
 */
@AnalyzeClasses(
    packages = "uk.gov.tfwh.warehouse.iceberg",
    importOptions = ImportOption.DoNotIncludeTests.class)
class IcebergArchitectureTest {

  @ArchTest
  static final ArchRule noEngines =
      noClasses()
          .that()
          .resideInAPackage("uk.gov.tfwh.warehouse.iceberg..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.spark..",
              "scala..",
              "org.apache.hadoop..",
              "org.duckdb..",
              "io.trino..",
              "org.springframework..")
          .because("the load and the API both use it, and neither may need the other's engine");

  @ArchTest
  static final ArchRule icebergApiTypesOnly =
      noClasses()
          .that()
          .resideInAPackage("uk.gov.tfwh.warehouse.iceberg..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.iceberg.shaded..", "org.apache.iceberg.relocated..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.apache.iceberg.util.JsonUtil")
          .because(
              "Iceberg's Spark runtime jar shades Jackson, Avro and Guava, so a signature naming"
                  + " them (JsonUtil takes Jackson types) breaks in the Spark JVM");
}
