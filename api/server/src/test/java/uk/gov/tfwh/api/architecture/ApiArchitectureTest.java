package uk.gov.tfwh.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

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
   * A controller parses the request and serves what its feature's service read: the services own
   * each catalogue query and the mapping of its rows, so the API, the pages and the exports read a
   * query one way.
   */
  @ArchTest
  static final ArchRule controllersLeaveQueriesToTheServices =
      noClasses()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .dependOnClassesThat()
          .areAssignableTo(WarehouseQueries.class)
          .because("each feature's service runs its queries and maps their rows");

  /**
   * Feature packages depend on each other one way only, so each can be read, changed and tested
   * from its own folder down.
   */
  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("uk.gov.tfwh.api.(*)..").should().beFreeOfCycles();
}
