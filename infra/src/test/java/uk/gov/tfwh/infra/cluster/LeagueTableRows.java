package uk.gov.tfwh.infra.cluster;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.query.trino.TrinoQueries;

/**
 * A client run on a host of the private network with warehouse/query's classpath: the league-table
 * catalogue query for the published release, through Trino ({@code TrinoQueries.overIceberg}, each
 * table pinned by the release's snapshot id) or the embedded engine ({@code
 * EmbeddedQueries.overIceberg}). Prints the release's id, then one line per row: each value with
 * its Java type, so two engines' outputs are equal only when values, order and types are.
 *
 * <p>Usage: {@code LeagueTableRows trino|embedded <catalog file>|embedded <warehouse dir> <trino
 * jdbc url> <phase> <period end>}; passwords and keys come from the variables the file names.
 */
public final class LeagueTableRows {
  private LeagueTableRows() {}

  public static void main(String[] args) {
    QueryEngineConfig.Engine engine = QueryEngineConfig.Engine.of(args[0]);
    Path warehouse = Path.of(args[2]);
    CatalogSettings settings =
        args[1].equals("embedded")
            ? CatalogSettings.embedded(warehouse)
            : CatalogSettings.read(Path.of(args[1]), warehouse);
    QueryEngineConfig defaults = QueryEngineConfig.defaults();
    QueryEngineConfig config =
        new QueryEngineConfig(
            engine,
            args[3],
            // The API's connection user: Trino's access control (infra/trino/etc/rules.json) lets
            // only tfwh read tfwh.warehouse, which the pinned query reads.
            "tfwh",
            2,
            "512MB",
            2,
            defaults.inMemoryTableLimitBytes(),
            0);
    Map<String, Object> arguments =
        Map.of("phase", Integer.parseInt(args[4]), "period", LocalDate.parse(args[5]));
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings)) {
      CatalogDatabase database = CatalogDatabase.of(settings);
      QueryResult result;
      try (WarehouseQueries queries =
          engine == QueryEngineConfig.Engine.TRINO
              ? TrinoQueries.overIceberg(new ReleaseCatalog(database), settings, config)
              : EmbeddedQueries.overIceberg(catalog, IcebergReleases.open(database), config)) {
        result = queries.run(SnapshotSelector.published(), Query.LEAGUE_TABLE, arguments);
      }
      System.out.println("release " + result.snapshotId());
      for (List<Object> row : result.rows()) {
        StringBuilder line = new StringBuilder("row");
        for (Object value : row) {
          line.append('\t')
              .append(value)
              .append(value == null ? "" : " (" + value.getClass().getSimpleName() + ")");
        }
        System.out.println(line);
      }
    }
  }
}
