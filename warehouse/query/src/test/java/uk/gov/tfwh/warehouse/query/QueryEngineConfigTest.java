package uk.gov.tfwh.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig.Engine;

class QueryEngineConfigTest {

  @Test
  void defaultsAreTheEmbeddedEngineAndALocalTrinoAwayFromTheApiPort() {
    QueryEngineConfig config = QueryEngineConfig.defaults();

    assertThat(config.engine()).isEqualTo(Engine.EMBEDDED);
    assertThat(config.trinoUrl()).isEqualTo("jdbc:trino://127.0.0.1:8090");
    assertThat(config.trinoUser()).isEqualTo("tfwh");
    assertThat(config.duckdbThreads()).isBetween(1, 4);
    assertThat(config.duckdbMemoryLimit()).isEqualTo("1GB");
    assertThat(config.connectionPool()).isGreaterThanOrEqualTo(4);
    assertThat(config.inMemoryTableLimitBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(config.resultCacheEntries()).isEqualTo(1024);
  }

  @Test
  void switchingToTrinoKeepsTheOtherSettings() {
    QueryEngineConfig trino = QueryEngineConfig.defaults().withTrino("jdbc:trino://10.0.0.5:8443");

    assertThat(trino.engine()).isEqualTo(Engine.TRINO);
    assertThat(trino.trinoUrl()).isEqualTo("jdbc:trino://10.0.0.5:8443");
    assertThat(trino.withEngine(Engine.EMBEDDED).trinoUrl()).isEqualTo(trino.trinoUrl());
  }

  @Test
  void engineNamesParseAsWrittenInConfiguration() {
    assertThat(Engine.of("embedded")).isEqualTo(Engine.EMBEDDED);
    assertThat(Engine.of(" Trino ")).isEqualTo(Engine.TRINO);
    assertThatThrownBy(() -> Engine.of("spark")).hasMessageContaining("embedded or trino");
  }

  @Test
  void badSettingsAreRefusedWithTheReason() {
    QueryEngineConfig d = QueryEngineConfig.defaults();
    assertThatThrownBy(() -> d.withTrino("http://127.0.0.1:8090"))
        .hasMessageContaining("jdbc:trino://");
    assertThatThrownBy(
            () -> new QueryEngineConfig(Engine.EMBEDDED, d.trinoUrl(), "tfwh", 0, "1GB", 4, 0, 0))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(
            () -> new QueryEngineConfig(Engine.EMBEDDED, d.trinoUrl(), "tfwh", 2, "lots", 4, 0, 0))
        .hasMessageContaining("memory limit");
    assertThatThrownBy(() -> d.withInMemoryTableLimitBytes(-1)).hasMessageContaining("negative");
    assertThatThrownBy(() -> d.withResultCacheEntries(-1)).hasMessageContaining("negative");
  }
}
