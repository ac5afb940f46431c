package uk.gov.tfwh.warehouse.iceberg.lock;

import static org.assertj.core.api.Assertions.assertThat;

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
}
