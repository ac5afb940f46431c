package uk.gov.tfwh.warehouse.iceberg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.schema.IcebergSchemas;
import uk.gov.tfwh.warehouse.iceberg.schema.TableContract;
import uk.gov.tfwh.warehouse.iceberg.state.StateTable;
import uk.gov.tfwh.warehouse.iceberg.testing.DataFileStubs;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * What opening the warehouse's catalog does, on every catalog database: each implementation gives
 * settings for a new, empty catalog and a connection to its database.
 */
abstract class WarehouseCatalogContract {

  /** Settings of a catalog no test has opened yet. */
  abstract CatalogSettings newCatalog();

  /** The environment the catalog's password (if any) is read from. */
  abstract Map<String, String> environment();

  /** A connection to the catalog's database, to read what Iceberg recorded there. */
  abstract Connection database(CatalogSettings settings) throws SQLException;

  @Test
  void openingANewCatalogCreatesBothNamespacesAndEveryContractTable() {
    CatalogSettings settings = newCatalog();

    try (WarehouseCatalog opened = WarehouseCatalog.open(settings, environment())) {
      assertThat(opened.created()).containsExactly(WarehouseTable.values());
      SupportsNamespaces namespaces = (SupportsNamespaces) opened.catalog();
      assertThat(namespaces.listNamespaces())
          .containsExactlyInAnyOrder(Namespace.of("warehouse"), Namespace.of("tfwh_state"));
      assertThat(opened.catalog().listTables(opened.namespace()))
          .hasSize(WarehouseTable.values().length);
      for (WarehouseTable table : WarehouseTable.values()) {
        assertCreatedAsTheContractSays(opened.table(table), table, settings);
      }
      assertThat(opened.catalog().listTables(opened.stateNamespace()))
          .extracting(TableIdentifier::name)
          .containsExactlyInAnyOrder(
              "return_read", "claim_row", "landing_file", "partition_digest");
      for (StateTable state : StateTable.values()) {
        Table table = opened.table(state);
        assertThat(table.schema().asStruct()).isEqualTo(state.schema().asStruct());
        assertThat(table.spec().isPartitioned()).isEqualTo(state.partitioned());
        assertThat(((HasTableOperations) table).operations().current().formatVersion())
            .isEqualTo(2);
        assertThat(table.properties())
            .containsEntry("history.expire.max-snapshot-age-ms", "3153600000000");
      }
    }
  }

  @Test
  void theCatalogRecordsEveryTablesMetadataAsAFileUri() throws SQLException {
    CatalogSettings settings = newCatalog();
    try (WarehouseCatalog opened = WarehouseCatalog.open(settings, environment())) {
      assertThat(opened.created()).isNotEmpty();
    }

    Map<String, String> locations = new LinkedHashMap<>();
    try (Connection connection = database(settings);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT table_name, metadata_location FROM iceberg_tables"
                    + " WHERE catalog_name = ? AND table_namespace = ?")) {
      query.setString(1, settings.name());
      query.setString(2, settings.namespace());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          locations.put(rows.getString(1), rows.getString(2));
        }
      }
    }

    assertThat(locations.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(WarehouseTable.values()).map(WarehouseTable::tableName).toList());
    assertThat(locations.values())
        .allSatisfy(
            location ->
                assertThat(location)
                    .startsWith(settings.warehouse() + "/")
                    .endsWith(".metadata.json"));
  }

  @Test
  void reopeningCreatesNothingAndKeepsWhatWasCommitted() {
    CatalogSettings settings = newCatalog();
    long snapshot;
    try (WarehouseCatalog opened = WarehouseCatalog.open(settings, environment())) {
      Table claims = opened.table(WarehouseTable.FACT_CLAIM);
      claims
          .newAppend()
          .appendFile(DataFileStubs.dataFile(claims, "period_end=2013-03-31", "q1", 100))
          .commit();
      snapshot = claims.currentSnapshot().snapshotId();
    }

    try (WarehouseCatalog reopened = WarehouseCatalog.open(settings, environment())) {
      assertThat(reopened.created()).isEmpty();
      Table claims = reopened.table(WarehouseTable.FACT_CLAIM);
      assertThat(claims.currentSnapshot().snapshotId()).isEqualTo(snapshot);
      assertThat(claims.currentSnapshot().summary()).containsEntry("total-records", "100");
    }
  }

  @Test
  void aTableThatWentMissingIsCreatedAgain() {
    CatalogSettings settings = newCatalog();
    try (WarehouseCatalog opened = WarehouseCatalog.open(settings, environment())) {
      opened.catalog().dropTable(opened.identifier(WarehouseTable.DIM_NEIGHBOUR), true);
    }

    try (WarehouseCatalog reopened = WarehouseCatalog.open(settings, environment())) {
      assertThat(reopened.created()).containsExactly(WarehouseTable.DIM_NEIGHBOUR);
      assertThat(reopened.catalog().tableExists(reopened.identifier(WarehouseTable.DIM_NEIGHBOUR)))
          .isTrue();
    }
  }

  private static void assertCreatedAsTheContractSays(
      Table live, WarehouseTable table, CatalogSettings settings) {
    TableContract contract = IcebergSchemas.contract(table);
    assertThat(live.schema().asStruct())
        .as(table.tableName())
        .isEqualTo(IcebergSchemas.schema(contract).asStruct());
    assertThat(live.spec().fields())
        .extracting(field -> live.schema().findColumnName(field.sourceId()))
        .as(table.tableName())
        .containsExactlyElementsOf(contract.partitionColumns());
    assertThat(live.spec().fields())
        .allSatisfy(f -> assertThat(f.transform().isIdentity()).isTrue());
    Map<String, String> expected = new LinkedHashMap<>(IcebergSchemas.tableProperties(contract));
    expected.remove("format-version");
    assertThat(live.properties()).containsAllEntriesOf(expected);
    assertThat(((HasTableOperations) live).operations().current().formatVersion()).isEqualTo(2);
    assertThat(live.location()).startsWith(settings.warehouse() + "/");
    assertThat(live.currentSnapshot()).isNull();
  }
}
