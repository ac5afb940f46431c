package uk.gov.tfwh.warehouse.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnTest {

  @Test
  void aRenamedColumnRemembersItsFormerNamesOldestFirst() {
    Column column =
        Column.required("turned_around", ColumnType.BIGINT, "Turned around.")
            .renamedFrom("families_turned")
            .renamedFrom("outcomes");

    assertThat(column.formerNames()).containsExactly("families_turned", "outcomes");
    assertThat(Column.optional("note", ColumnType.STRING, "A note.").formerNames()).isEmpty();
  }

  @Test
  void formerNamesAreColumnNamesOtherThanItsOwnAndEachOther() {
    Column column = Column.required("phase", ColumnType.INT, "1 or 2.");

    assertThatThrownBy(() -> column.renamedFrom("phase")).hasMessageContaining("former names");
    assertThatThrownBy(() -> column.renamedFrom("old").renamedFrom("old"))
        .hasMessageContaining("former names");
    assertThatThrownBy(() -> column.renamedFrom("Old Name")).hasMessageContaining("snake case");
  }
}
