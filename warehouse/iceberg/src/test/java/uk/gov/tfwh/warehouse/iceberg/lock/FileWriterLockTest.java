package uk.gov.tfwh.warehouse.iceberg.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/** The writer lock of the embedded SQLite catalog: the file lock on {@code <warehouse>/.lock}. */
class FileWriterLockTest extends WriterLockContract {

  @Override
  CatalogDatabase database() {
    return CatalogDatabase.of(CatalogSettings.embedded(warehouse));
  }

  @Override
  WriterLock.Kind kind() {
    return WriterLock.Kind.FILE;
  }

  @Override
  List<String> holderArguments() {
    return List.of();
  }

  @Override
  void environment(ProcessBuilder builder) {
    // the embedded catalog needs nothing
  }

  @Test
  void theLockIsTheFileInTheWarehouseFolderAndTouchesNoDatabase() {
    String holder;
    try (WriterLock lock = WriterLocks.acquire(database(), warehouse, "load")) {
      assertThat(lock).isInstanceOf(FileWriterLock.class);
      assertThat(((FileWriterLock) lock).isHeld()).isTrue();
      holder = lock.holder();
    }
    // read once released: closing any descriptor of the file releases the process's lock on it
    assertThat(warehouse.resolve(".lock")).content().isEqualTo(holder);
    assertThat(warehouse.resolve(CatalogSettings.SQLITE_FILE)).doesNotExist();
  }

  @Test
  void aLentLockIsGivenBackOnCloseAndStillHeldUntilItsHolderReleasesIt() {
    try (WriterLock held = WriterLocks.acquire(database(), warehouse, "migrate")) {
      try (WriterLock lent = new LentWriterLock(held)) {
        assertThat(lent.kind()).isEqualTo(WriterLock.Kind.FILE);
        assertThat(lent.holder()).isEqualTo(held.holder());
      }
      assertThat(((FileWriterLock) held).isHeld()).as("still held once given back").isTrue();
      assertThatThrownBy(() -> WriterLocks.acquire(database(), warehouse, "load"))
          .isInstanceOf(WriterBusyException.class)
          .hasMessageContaining("migrate");
    }
    try (WriterLock again = WriterLocks.acquire(database(), warehouse, "load")) {
      assertThat(again.holder()).contains("load");
    }
  }
}
