package uk.gov.tfwh.api.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/** The pages read the API's feature services, never the catalogue's queries. */
@AnalyzeClasses(
    packages = "uk.gov.tfwh.api.web",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PageArchitectureTest {
  /**
   * A page shows what its API endpoint serves only while both read a query through the same service
   * and the same row mapping; a page running a query itself would map its rows again.
   */
  @ArchTest
  static final ArchRule pagesReadThroughTheServices =
      noClasses()
          .that()
          .resideInAPackage("uk.gov.tfwh.api.web..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(
              WarehouseQueries.class, QueryArguments.class, QueryResult.class, ResultRow.class)
          .because("the API's feature services run each query and map its rows");
}
