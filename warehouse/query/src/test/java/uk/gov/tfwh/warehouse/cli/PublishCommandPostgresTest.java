package uk.gov.tfwh.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLock;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLocks;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.testing.PostgresCatalogFile;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;

/**
 * {@code ./tfwh publish --catalog FILE} on a PostgreSQL catalog (a real PostgreSQL 15, {@code
 * LocalPostgres}): it takes PostgreSQL's advisory lock, which a load on any host holds, so a
 * publish or a retention while a load runs is refused naming the load and changes nothing.
 */
class PublishCommandPostgresTest {
  private static final String FIRST = "20260101T000000000Z-first";
  private static final String SECOND = "20260102T000000000Z-second";

  @TempDir Path dir;
  private Path warehouse;
  private PostgresCatalogFile file;
  private CatalogSettings settings;
  private IcebergFixture fixture;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void twoLoads() {
    warehouse = dir.resolve("warehouse");
    file = PostgresCatalogFile.write(dir.resolve("catalog.properties"), warehouse, Map.of());
    settings = file.settings(warehouse);
    fixture = IcebergFixture.open(settings, file.environment());
    fixture.commit(FIRST, 0);
    fixture.commit(SECOND, 1);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private int run(String... args) {
    CommandLine line =
        PublishCommand.commandLine(new PublishCommand(Optional.empty(), file.environment()));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  private ReleaseCatalog releases() {
    return new ReleaseCatalog(CatalogDatabase.of(settings, file.environment()));
  }

  @Test
  void aPublishOrRetainWhileALoadHoldsTheAdvisoryLockIsRefusedNamingTheLoad() {
    String catalog = file.file().toString();
    try (WriterLock load =
        WriterLocks.acquire(CatalogDatabase.of(settings, file.environment()), warehouse, "load")) {
      assertThat(load.kind()).isEqualTo(WriterLock.Kind.POSTGRES);
      int publish = run("--warehouse", warehouse.toString(), "--catalog", catalog, "--current");
      int retain = run("--warehouse", warehouse.toString(), "--catalog", catalog, "--retain", "1");

      assertThat(publish).isEqualTo(1);
      assertThat(retain).isEqualTo(1);
      String refusal =
          "tfwh publish: the warehouse tfwh is busy: "
              + load.holder()
              + " holds its lock; run this again once that has finished";
      assertThat(load.holder()).startsWith("load (host ");
      assertThat(err.toString().split("\\R")).containsExactly(refusal, refusal);
      assertThat(releases().publications()).isEmpty();
      assertThat(releases().list()).hasSize(2);
    }

    int publish = run("--warehouse", warehouse.toString(), "--catalog", catalog, "--current");

    assertThat(publish).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("published " + SECOND + System.lineSeparator());
    assertThat(releases().published())
        .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(SECOND));
  }
}
