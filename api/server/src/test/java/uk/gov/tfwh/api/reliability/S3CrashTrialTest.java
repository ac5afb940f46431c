package uk.gov.tfwh.api.reliability;

import org.junit.jupiter.api.Tag;

/**
 * The build's crash trial on object storage: {@link CrashTrialTest} with the Iceberg store's tables
 * at {@code s3://} on s3proxy (a filesystem backend in a temporary folder) and its SQLite catalog
 * in the warehouse folder, the loads given the catalog file ({@code ./tfwh load --catalog FILE})
 * and the API the same ({@code tfwh.store.catalog}). The same invariants, and one more: a
 * committing load leaves no data object in the bucket that no snapshot reaches ({@link
 * IcebergTrialStore}).
 *
 * <p>Two kills, not three, to keep the build's time (50 to 60 s against 61 to 109 s for three on
 * the shared machine, docs/benchmarks.md): one during the commit and one while the tables are
 * uploaded, the moments object storage changes; the random moment mostly lands in start-up, which
 * it does not. {@code ./tfwh bench reliability --store s3 --kills 30} runs the long form with all
 * three moments.
 */
@Tag("slow")
class S3CrashTrialTest extends CrashTrialTest {
  @Override
  String storeName() {
    return "s3";
  }

  @Override
  int defaultKills() {
    return 2;
  }

  @Override
  KillMoment moment(int trial) {
    return trial % 2 == 1 ? KillMoment.DURING_SWITCH : KillMoment.WHILE_WRITING;
  }
}
