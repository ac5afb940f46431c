package uk.gov.tfwh.returns.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.ReturnWriter;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.read.ReadLimits;

/**
 * A 1 GiB CSV is refused by the size limit (TFQR-F03) from its size alone: the reader never parses
 * it, and nothing holds it in memory. The file is sparse, so the test costs no disk.
 */
class OversizedFileTest {
  private static final long GIB = 1024L * ReadLimits.MIB;

  @TempDir Path dir;

  private static void growSparse(Path file, long length) throws IOException {
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(length);
    }
  }

  @Test
  void aGigabyteSummaryFileIsRefusedBySizeWithoutBeingRead() throws IOException {
    new ReturnWriter(dir).write("huge");
    growSparse(dir.resolve("huge.summary.csv"), GIB);

    HostileFiles.Reading reading = HostileFiles.readOnlyReturn(dir);

    assertThat(reading.outcome().accepted()).isFalse();
    assertThat(reading.outcome().findings())
        .extracting(Finding::ruleId)
        .containsExactly("TFQR-F03");
    assertThat(reading.outcome().findings().get(0).message())
        .contains("huge.summary.csv", String.valueOf(GIB), "it was not read");
    // The landing scan streams the file once for its checksum (the manifest records what was
    // refused); the reader does not open it. Neither holds it.
    assertThat(reading.allocatedBytes()).isLessThan(32 * ReadLimits.MIB);
    assertThat(reading.millis()).isLessThan(20_000);
  }

  @Test
  void aGigabyteClaimsFileRefusesItsReturn() throws IOException {
    new ReturnWriter(dir)
        .claim("fam-000000000001-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB")
        .write("huge");
    growSparse(dir.resolve("huge.claims.csv"), GIB);

    HostileFiles.Reading reading = HostileFiles.readOnlyReturn(dir);

    assertThat(reading.outcome().accepted()).isFalse();
    assertThat(reading.outcome().claims()).isEmpty();
    assertThat(reading.outcome().findings())
        .extracting(Finding::ruleId)
        .containsExactly("TFQR-F03");
    assertThat(reading.outcome().findings().get(0).message()).contains("huge.claims.csv");
    assertThat(reading.allocatedBytes()).isLessThan(32 * ReadLimits.MIB);
    assertThat(Files.size(dir.resolve("huge.claims.csv"))).isEqualTo(GIB);
  }
}
