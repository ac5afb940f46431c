package uk.gov.tfwh.warehouse.iceberg.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No engine reaches the module's classpath through a dependency either: the catalog, the schemas
 * and the file IO are tested here without Hadoop, which Iceberg's default file IO would need.
 */
class ClasspathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.apache.hadoop.conf.Configuration",
        "org.apache.spark.sql.SparkSession",
        "org.duckdb.DuckDBDriver",
        "io.trino.jdbc.TrinoDriver"
      })
  void theEngineIsNotOnTheClasspath(String engineClass) {
    assertThatThrownBy(() -> Class.forName(engineClass)).isInstanceOf(ClassNotFoundException.class);
  }
}
