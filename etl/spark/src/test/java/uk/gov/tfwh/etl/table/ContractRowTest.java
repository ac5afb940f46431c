package uk.gov.tfwh.etl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

class ContractRowTest {
  private static ContractRow period() {
    return ContractRow.of(WarehouseTable.DIM_PERIOD)
        .set("phase", 1)
        .set("period_end", LocalDate.parse("2013-03-31"))
        .set("quarter_label", "2012-13 Q4")
        .set("financial_year", "2012-13");
  }

  @Test
  void valuesLandInTheirColumnsWhateverTheOrderTheyAreSetIn() {
    Row row = period().set("quarter_index", 3).build();
    Row reversed =
        ContractRow.of(WarehouseTable.DIM_PERIOD)
            .set("quarter_index", 3)
            .set("financial_year", "2012-13")
            .set("quarter_label", "2012-13 Q4")
            .set("period_end", LocalDate.parse("2013-03-31"))
            .set("phase", 1)
            .build();

    assertThat(reversed).isEqualTo(row);
    int index =
        WarehouseTable.DIM_PERIOD.columns().stream()
            .map(c -> c.name())
            .toList()
            .indexOf("quarter_label");
    assertThat(row.get(index)).isEqualTo("2012-13 Q4");
  }

  @Test
  void anUnknownColumnAWrongTypeAndAnUnsetColumnAreRefused() {
    assertThatThrownBy(() -> period().set("quarter_lable", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dim_period has no column quarter_lable");
    assertThatThrownBy(() -> period().set("quarter_index", 3L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dim_period.quarter_index is");
    assertThatThrownBy(() -> period().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("dim_period.quarter_index was not set");
  }
}
