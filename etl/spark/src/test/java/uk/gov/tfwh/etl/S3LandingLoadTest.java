package uk.gov.tfwh.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.gov.tfwh.etl.load.LoadJob;
import uk.gov.tfwh.etl.load.LoadRequest;
import uk.gov.tfwh.etl.load.LoadResult;
import uk.gov.tfwh.etl.read.LandingMirror;
import uk.gov.tfwh.etl.read.ObjectLanding;
import uk.gov.tfwh.etl.read.ReturnReading;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.returns.landing.Provenance;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.LandingScan;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;
import uk.gov.tfwh.warehouse.iceberg.testing.S3ProxyServer;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * A landing on object storage ({@code ./tfwh load --landing s3://bucket/prefix}, the landing of a
 * load on several hosts, docs/design/iceberg.md section 5.12) against the same files in a landing
 * folder, on the shared s3proxy: every table of the two loads holds the same rows, with the same
 * findings (bad files rejected with the same file, row, column and message, and the folder that is
 * not a return); the executors read the returns from the bucket, with no folder of the driver's; a
 * missing bucket and refused keys each end the load with one line that says what to change.
 */
class S3LandingLoadTest {
  private static final S3ProxyServer S3 = TestBucket.server();
  private static final String BUCKET = "tfwh-landing";
  private static final String ADDRESS = "s3://" + BUCKET + "/quarterly/returns";

  @TempDir static Path temp;
  static ObjectLanding objects;
  static SnapshotStore fromFolder;
  static SnapshotStore fromBucket;
  static LoadResult folderLoad;
  static LoadResult bucketLoad;
  static LandingMirror mirror;
  static TestBucket bucket;

  @BeforeAll
  static void loadTheSameFilesFromAFolderAndFromTheBucket() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"));
    // A sub-prefix is a folder in the landing: not a return, and said so in both loads.
    TestLandings.write(landing.resolve("archive/old.summary.csv"), "not read\n");
    bucket = TestBucket.create(BUCKET);
    List<Path> uploaded = bucket.putFolder(landing, "quarterly/returns");
    objects = ObjectLanding.at(ADDRESS, bucket.properties());
    fromFolder = new SnapshotStore(temp.resolve("from-folder"));
    fromBucket = new SnapshotStore(temp.resolve("from-bucket"));
    folderLoad =
        job().run(new LoadRequest(landing, fromFolder.root(), TestLandings.reference(), 10));
    mirror = new LandingMirror(objects, temp.resolve("mirror"));
    assertThat(mirror.sync()).isEqualTo(uploaded.size());
    bucketLoad =
        job()
            .run(
                new LoadRequest(
                        mirror.folder(),
                        fromBucket.root(),
                        TestLandings.reference(),
                        10,
                        temp.resolve("no-submissions"),
                        Optional.empty())
                    .from(objects));
  }

  @AfterAll
  static void close() {
    if (bucket != null) {
      bucket.close();
    }
  }

  @Test
  void everyTableHoldsTheRowsOfTheLoadFromAFolder() {
    assertThat(bucketLoad.report().totals()).isEqualTo(folderLoad.report().totals());
    assertThat(folderLoad.report().totals().returnsRejected()).isPositive();
    assertThat(folderLoad.report().totals().returnsAccepted()).isPositive();
    for (WarehouseTable table : WarehouseTable.values()) {
      List<String> folder = rows(fromFolder, folderLoad, table);
      assertThat(rows(fromBucket, bucketLoad, table)).as(table.tableName()).isEqualTo(folder);
    }
  }

  @Test
  void aBadFileOnTheBucketIsRejectedWithTheSameMessage() {
    List<Row> folder = findings(fromFolder, folderLoad, "bad-template-and-column.summary.csv");
    List<Row> bucket = findings(fromBucket, bucketLoad, "bad-template-and-column.summary.csv");
    assertThat(folder).isNotEmpty();
    assertThat(bucket).containsExactlyInAnyOrderElementsOf(folder);
    assertThat(findings(fromBucket, bucketLoad, "archive"))
        .singleElement()
        .satisfies(row -> assertThat(row.getString(3)).contains("not a plain file"));
  }

  @Test
  void theExecutorsReadTheReturnsFromTheBucketNotFromTheDriversCopy() throws Exception {
    LandingScan scan = LandingFolder.scan(mirror.folder());
    List<ReturnReading.Pending> pending =
        scan.returns().stream()
            .map(
                source ->
                    new ReturnReading.Pending(
                        source, "r-" + source.stem(), Provenance.OPERATOR_DROP))
            .toList();
    Path nothingHere = Files.createDirectories(temp.resolve("not-the-landing"));
    ReturnReader reader =
        new ReturnReader(ReferenceDataLoader.load(TestLandings.reference()), ReadLimits.defaults());

    AtomicLong claimRows = new AtomicLong(-1);
    ReturnReading.Outcome outcome =
        ReturnReading.read(
            SharedSpark.session(),
            reader,
            nothingHere,
            Optional.of(objects),
            pending,
            0,
            Instant.now(),
            "s3-landing-read",
            claims -> claimRows.set(claims.count()));

    assertThat(outcome.changedWhileRead()).isEmpty();
    assertThat(outcome.read()).hasSize(pending.size());
    assertThat(outcome.read().stream().filter(r -> r.accepted()).map(r -> r.source().stem()))
        .contains("valid-p1-birmingham-2013Q3", "valid-p2-bristol-2015Q2", "valid-p2-kent-2015Q2");
    // The claim rows were read on the executors from their own fetch of the bucket's objects.
    assertThat(claimRows.get())
        .isEqualTo(outcome.read().stream().mapToLong(r -> r.claimKeys().size()).sum())
        .isPositive();
  }

  @Test
  void theLandingShowsItsAddressNeverItsKeys() {
    assertThat(objects.s3Properties()).containsValue(S3ProxyServer.SECRET_KEY);
    assertThat(objects.toString()).isEqualTo(ADDRESS).doesNotContain(S3ProxyServer.SECRET_KEY);
  }

  @Test
  void aMissingBucketEndsTheLoadWithOneActionableLine() throws Exception {
    Outcome load = runLoad("s3://no-such-bucket/returns", S3.environment());

    assertThat(load.code()).isEqualTo(1);
    assertThat(load.err().lines())
        .singleElement()
        .isEqualTo(
            "tfwh load: the landing s3://no-such-bucket/returns cannot be read: there is no bucket"
                + " 'no-such-bucket' at the tfwh.s3.endpoint of the catalog settings; create it or"
                + " correct --landing");
  }

  @Test
  void refusedKeysEndTheLoadWithOneActionableLine() throws Exception {
    Map<String, String> wrong = new HashMap<>(S3.environment());
    wrong.put(S3ProxyServer.SECRET_KEY_ENV, "not-the-secret");

    Outcome load = runLoad(ADDRESS, wrong);

    assertThat(load.code()).isEqualTo(1);
    assertThat(load.err().lines())
        .singleElement()
        .isEqualTo(
            "tfwh load: the landing "
                + ADDRESS
                + " cannot be read: access refused (403); check the keys in the variables that"
                + " tfwh.s3.access-key-env and tfwh.s3.secret-key-env name");
  }

  private record Outcome(int code, String out, String err) {}

  /** {@code ./tfwh load} in this JVM: it stops before Spark starts when the bucket is unusable. */
  private static Outcome runLoad(String landing, Map<String, String> environment) throws Exception {
    Path catalog = temp.resolve("catalog-" + System.nanoTime() + ".properties");
    StringBuilder settings = new StringBuilder();
    S3.settings("s3://" + BUCKET + "/warehouse")
        .forEach((key, value) -> settings.append(key).append('=').append(value).append('\n'));
    Files.writeString(catalog, settings);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line =
        new CommandLine(
            new LoadCommand(new PrintWriter(out, true), new PrintWriter(err, true), environment));
    int code =
        line.execute(
            "--landing",
            landing,
            "--warehouse",
            temp.resolve("unused-" + System.nanoTime()).toString(),
            "--reference",
            TestLandings.reference().toString(),
            "--catalog",
            catalog.toString());
    return new Outcome(code, out.toString(), err.toString());
  }

  /** Rule, file, sheet, message and where, of the findings about a file. */
  private static List<Row> findings(SnapshotStore store, LoadResult load, String file) {
    return Snapshots.table(store, load.snapshotId(), WarehouseTable.FACT_FINDING)
        .where(functions.col("file").equalTo(file))
        .select("rule_id", "file", "sheet", "message", "row_number", "column_name", "severity")
        .collectAsList();
  }

  /**
   * A table's rows without the columns of the load that wrote them, columns in a fixed order,
   * sorted (collected: the tables of the contract's examples are small, and a Spark join per table
   * took half a minute).
   */
  private static List<String> rows(SnapshotStore store, LoadResult load, WarehouseTable table) {
    Dataset<Row> kept =
        Snapshots.table(store, load.snapshotId(), table)
            .drop(WarehouseTable.LOAD_SPECIFIC_COLUMNS.toArray(String[]::new));
    return kept
        .select(
            Arrays.stream(kept.columns())
                .sorted()
                .map(functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  private static LoadJob job() {
    return new LoadJob(SharedSpark.session(), line -> {});
  }
}
