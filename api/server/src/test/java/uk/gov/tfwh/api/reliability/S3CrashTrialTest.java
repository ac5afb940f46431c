package uk.gov.tfwh.api.reliability;

import org.junit.jupiter.api.Tag;

/**
 * The build's crash trial on object storage: {@link CrashTrialTest} with the Iceberg store's tables
 * at {@code s3://} on s3proxy (a filesystem backend in a temporary folder) and its SQLite catalog
 * in the warehouse folder, the loads given the catalog file ({@code ./tfwh load --catalog FILE})
 * and the API the same ({@code tfwh.store.catalog}). The same invariants, and one more: a
 * committing load leaves no data object in the bucket that no snapshot reaches ({@link
 * IcebergTrialStore}). {@code ./tfwh bench reliability --store s3 --kills 30} runs the long form.
 */
@Tag("slow")
class S3CrashTrialTest extends CrashTrialTest {
  @Override
  String storeName() {
    return "s3";
  }
}
