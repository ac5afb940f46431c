package uk.gov.tfwh.etl.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The load's judgement over the whole history (history rules, national claim check, load report,
 * load state) runs on the driver in plain Java: it must stay testable without a Spark session, and
 * Spark is only how returns are read and tables written.
 */
@AnalyzeClasses(packages = "uk.gov.tfwh.etl", importOptions = ImportOption.DoNotIncludeTests.class)
class EtlArchitectureTest {

  @ArchTest
  static final ArchRule judgementIsPlainJava =
      noClasses()
          .that()
          .resideInAnyPackage(
              "uk.gov.tfwh.etl.claims..",
              "uk.gov.tfwh.etl.history..",
              "uk.gov.tfwh.etl.report..",
              "uk.gov.tfwh.etl.state..",
              "uk.gov.tfwh.etl.concurrent..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.spark..", "scala..")
          .because("the rules over the history run on the driver and are tested without Spark");

  @ArchTest
  static final ArchRule noSpring =
      noClasses()
          .that()
          .resideInAPackage("uk.gov.tfwh.etl..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..")
          .because("the load runs under spark-submit, where the API's framework has no place");

  @ArchTest
  static final ArchRule onlyTheSessionPackageStartsSpark =
      noClasses()
          .that()
          .resideOutsideOfPackage("uk.gov.tfwh.etl.spark..")
          .should()
          .callMethod(org.apache.spark.sql.SparkSession.Builder.class, "getOrCreate")
          .because("one place decides the session's configuration (SparkSessions)");

  @ArchTest
  static final ArchRule noBenchmarkInTheLoadsJar =
      noClasses()
          .that()
          .resideInAPackage("uk.gov.tfwh.etl..")
          .should()
          .haveSimpleNameEndingWith("Benchmark")
          .because(
              "the jar spark-submit runs holds the load; benchmarks live under bench/ (the state"
                  + " read's in bench/state-read)");
}
