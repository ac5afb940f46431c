package uk.gov.tfwh.warehouse.query.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;

class TrinoViewsTest {
  private static final TrinoViews VIEWS =
      new TrinoViews(
          "jdbc:trino://127.0.0.1:8090", "tfwh", CatalogSettings.embedded(Path.of("/w")));

  private static ReleaseOutline release(String id) {
    return new ReleaseOutline(
        7,
        id,
        List.of(
            new ReleaseTable("warehouse", "fact_claim", 42L, 1, 5, 2),
            new ReleaseTable("warehouse", "dim_period", 43L, 1, 3, 1),
            new ReleaseTable("tfwh_state", "claim_keys", 44L, 1, 5, 1)));
  }

  @Test
  void eachWarehouseTableGetsAViewOfItsReleaseSnapshotAndTheReleaseIsNamedLast() {
    List<String> statements =
        VIEWS.statements(TrinoViews.PUBLISHED, release("20260101T000000000Z-abc"));

    assertThat(statements)
        .containsExactly(
            "CREATE SCHEMA IF NOT EXISTS tfwh.\"published\"",
            "CREATE OR REPLACE VIEW tfwh.\"published\".dim_period SECURITY DEFINER AS"
                + " SELECT * FROM tfwh.warehouse.dim_period FOR VERSION AS OF 43",
            "CREATE OR REPLACE VIEW tfwh.\"published\".fact_claim SECURITY DEFINER AS"
                + " SELECT * FROM tfwh.warehouse.fact_claim FOR VERSION AS OF 42",
            "CREATE OR REPLACE VIEW tfwh.\"published\".snapshot_info SECURITY DEFINER AS"
                + " SELECT CAST('20260101T000000000Z-abc' AS VARCHAR) AS snapshot_id,"
                + " BIGINT '7' AS release_seq");
  }

  @Test
  void onlyThePublishedAndCurrentSchemasAreWritten() {
    assertThat(VIEWS.statements(TrinoViews.CURRENT, release("r1")).get(0))
        .isEqualTo("CREATE SCHEMA IF NOT EXISTS tfwh.\"current\"");
    assertThatThrownBy(() -> VIEWS.statements("warehouse", release("r1")))
        .hasMessageContaining("published or current");
  }
}
