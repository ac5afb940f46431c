package uk.gov.tfwh.warehouse.query.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.testing.DataFileStubs;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryException;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.SnapshotUnavailableException;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;
import uk.gov.tfwh.warehouse.testing.CatalogueCalls;
import uk.gov.tfwh.warehouse.testing.CatalogueCalls.Call;
import uk.gov.tfwh.warehouse.testing.EngineComparison;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * The embedded engine reading an Iceberg release gives the folder store's answers: the same fixture
 * rows, written once as the folder store's Parquet and once as Iceberg tables with a release, and
 * every catalogue call compared (columns, values, order and Java types).
 */
class IcebergReleaseQueriesTest {
  private static final String SNAPSHOT = "20260101T000000000Z-fixture";

  @TempDir static Path folders;
  @TempDir static Path icebergs;
  private static EmbeddedQueries fromFolder;
  private static IcebergFixture iceberg;
  private static EmbeddedQueries fromIceberg;

  @BeforeAll
  static void load() {
    SnapshotStore store = new SnapshotStore(folders.resolve("with-claims"));
    SnapshotFixture.commit(store, SNAPSHOT, 0);
    store.publish(SNAPSHOT);
    fromFolder = new EmbeddedQueries(store, QueryEngineConfig.defaults());
    iceberg = IcebergFixture.open(icebergs.resolve("with-claims"));
    iceberg.commit(SNAPSHOT, 0);
    iceberg.publish(SNAPSHOT);
    fromIceberg = iceberg.queries(QueryEngineConfig.defaults());
  }

  @AfterAll
  static void close() {
    fromFolder.close();
    fromIceberg.close();
    iceberg.close();
  }

  @Test
  void everyCatalogueCallGivesTheFolderStoresAnswer() {
    assertSameAnswers(fromFolder, fromIceberg, SnapshotSelector.published());
  }

  @Test
  void aTableWithoutFilesIsTheTypedEmptyTableAndEveryAnswerStillAgrees() {
    SnapshotStore store = new SnapshotStore(folders.resolve("without-claims"));
    SnapshotFixture.commit(store, SNAPSHOT, 0, false);
    try (IcebergFixture empty = IcebergFixture.open(icebergs.resolve("without-claims"));
        EmbeddedQueries folder = new EmbeddedQueries(store, QueryEngineConfig.defaults())) {
      Release release = empty.commit(SNAPSHOT, 0, false);
      ReleaseFiles files = ReleaseFiles.plan(empty.catalog(), release);
      assertThat(files.table(WarehouseTable.FACT_CLAIM).files()).isEmpty();
      assertThat(
              ParquetTableSql.create(
                  WarehouseTable.FACT_CLAIM, files.table(WarehouseTable.FACT_CLAIM), 0))
          .isEqualTo(
              ParquetTableSql.create(WarehouseTable.FACT_CLAIM, store.snapshotDir(SNAPSHOT), 0));
      try (EmbeddedQueries queries = empty.queries(QueryEngineConfig.defaults())) {
        QueryResult rows = queries.run(SnapshotSelector.current(), Query.TABLE_ROWS, Map.of());
        assertThat(
                rows.value(
                    rows.column("table_name").indexOf("fact_claim"), "row_count", Long.class))
            .isZero();
        assertSameAnswers(folder, queries, SnapshotSelector.current());
      }
    }
  }

  @Test
  void selectorsResolveThroughTheReleaseTables() {
    assertThat(fromIceberg.warm(SnapshotSelector.current())).isEqualTo(SNAPSHOT);
    assertThat(fromIceberg.warm(SnapshotSelector.byId(SNAPSHOT))).isEqualTo(SNAPSHOT);
    assertThat(fromIceberg.openSnapshots()).containsExactly(SNAPSHOT);
    assertThatThrownBy(
            () ->
                fromIceberg.run(
                    SnapshotSelector.byId("20260101T000000000Z-unknown"), Query.PERIODS, Map.of()))
        .isInstanceOf(SnapshotUnavailableException.class)
        .hasMessageContaining(
            "there is no release 20260101T000000000Z-unknown in the catalog tfwh");
  }

  @Test
  void aReleaseWithAFileOnObjectStorageIsRefusedWhenItOpens(@TempDir Path dir) {
    try (IcebergFixture remote = IcebergFixture.open(dir)) {
      Release first = remote.commit(SNAPSHOT, 0);
      Table authorities = remote.catalog().table(WarehouseTable.DIM_AUTHORITY);
      DataFile s3 =
          DataFileStubs.at(
              authorities, "s3://tfwh/warehouse/dim_authority/data/elsewhere.parquet", 1);
      List<ReleaseTable> tables = new ArrayList<>(first.tables());
      tables.removeIf(t -> t.name().equals("dim_authority"));
      tables.add(
          IcebergFixture.releaseTable(
              "warehouse", authorities, IcebergFixture.append(authorities, List.of(s3))));
      remote.commitRelease("20260101T000001000Z-remote", 1, tables);

      try (EmbeddedQueries queries = remote.queries(QueryEngineConfig.defaults())) {
        assertThat(queries.run(SnapshotSelector.byId(SNAPSHOT), Query.PERIODS, Map.of()).size())
            .isPositive();
        assertThatThrownBy(() -> queries.run(SnapshotSelector.current(), Query.PERIODS, Map.of()))
            .isInstanceOf(QueryException.class)
            .hasMessageContaining("cannot open release 20260101T000001000Z-remote")
            .hasMessageContaining("s3://tfwh/warehouse/dim_authority/data/elsewhere.parquet");
      }
    }
  }

  @Test
  void aNewReleaseIsPickedUpWithoutARestartAndTheOldOneRetired(@TempDir Path dir) {
    String first = "20260101T000000000Z-b0";
    String second = "20260101T000001000Z-b1000";
    Map<String, Object> league = Map.of("phase", 1, "period", SnapshotFixture.Q2);
    try (IcebergFixture releases = IcebergFixture.open(dir);
        EmbeddedQueries queries = releases.queries(QueryEngineConfig.defaults())) {
      releases.commit(first, 0);
      QueryResult before = queries.run(SnapshotSelector.current(), Query.LEAGUE_TABLE, league);
      releases.commit(second, 1000);
      QueryResult after = queries.run(SnapshotSelector.current(), Query.LEAGUE_TABLE, league);

      assertThat(before.snapshotId()).isEqualTo(first);
      assertThat(after.snapshotId()).isEqualTo(second);
      int kent = after.column("authority_code").indexOf(SnapshotFixture.KENT);
      assertThat(after.value(kent, "turned_around", Long.class)).isEqualTo(512L + 1000);
      assertThat(queries.openSnapshots()).containsExactly(second);
      assertThat(queries.run(SnapshotSelector.byId(first), Query.LEAGUE_TABLE, league).rows())
          .isEqualTo(before.rows());
    }
  }

  @Test
  void databasesOpenedForIcebergInstallNoExtensions() {
    assertThat(
            new IcebergTableSource(
                    ReleaseFiles.plan(
                        iceberg.catalog(), iceberg.releases().current().orElseThrow()),
                    "c")
                .settings())
        .containsExactly("SET autoinstall_known_extensions = false");
    assertThat(new FolderTableSource(folders).settings()).isEmpty();
  }

  private static void assertSameAnswers(
      WarehouseQueries folder, WarehouseQueries iceberg, SnapshotSelector selector) {
    List<Call> calls = CatalogueCalls.calls();
    EngineComparison.assertSameAnswers(folder, iceberg, selector, calls, calls.size() - 3);
  }
}
