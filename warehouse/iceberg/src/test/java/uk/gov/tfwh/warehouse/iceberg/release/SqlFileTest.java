package uk.gov.tfwh.warehouse.iceberg.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlFileTest {

  @Test
  void statementsEndWithASemicolonAndLoseTheirComments() {
    SqlFile file =
        SqlFile.parse(
            "test.sql",
            """
            -- a heading
            CREATE TABLE t (      -- one column
              c INTEGER);

            -- name: count
            -- what it does
            SELECT count(*)
              FROM t;
            """);

    assertThat(file.statements())
        .containsExactly("CREATE TABLE t (\n  c INTEGER)", "SELECT count(*)\n  FROM t");
    assertThat(file.statement("count")).isEqualTo("SELECT count(*)\n  FROM t");
    assertThatThrownBy(() -> file.statement("missing"))
        .hasMessage("test.sql has no statement named missing");
  }

  @Test
  void aStatementWithoutItsSemicolonOrANameUsedTwiceIsRefused() {
    assertThatThrownBy(() -> SqlFile.parse("a.sql", "SELECT 1;\nSELECT 2\n"))
        .hasMessage("a.sql ends with a statement without ';'");
    assertThatThrownBy(
            () -> SqlFile.parse("b.sql", "-- name: x\nSELECT 1;\n-- name: x\nSELECT 2;\n"))
        .hasMessage("b.sql names two statements x");
  }

  @Test
  void everyStatementFileOfTheReleaseTablesLoads() {
    assertThat(SqlFile.load("release-tables-v1.sql").statements()).hasSize(3);
    for (String file :
        new String[] {"schema-version.sql", "read.sql", "commit.sql", "publish.sql"}) {
      assertThat(SqlFile.load(file).statements()).as(file).isNotEmpty();
    }
  }
}
