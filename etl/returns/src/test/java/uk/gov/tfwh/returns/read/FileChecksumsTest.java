package uk.gov.tfwh.returns.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.read.FileChecksums.Stamp;

class FileChecksumsTest {
  // Files written by a test changed a moment ago; a scan "a minute later" counts them as settled.
  private static final Instant LATER = Instant.now().plusSeconds(60);

  @TempDir Path dir;

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
  }

  private List<Stamp> firstScan(Path file) throws IOException {
    FileChecksums first = FileChecksums.remembering(List.of(), LATER);
    first.sha256(file);
    assertThat(first.reused()).isZero();
    return first.stamps();
  }

  @Test
  void anUnchangedFileIsNotReadAgain() throws Exception {
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    List<Stamp> stamps = firstScan(file);
    assertThat(stamps).singleElement().extracting(Stamp::sha256).isEqualTo(sha256("x"));

    FileChecksums second = FileChecksums.remembering(stamps, LATER);
    assertThat(second.sha256(file)).isEqualTo(sha256("x"));
    assertThat(second.reused()).isEqualTo(1);
    assertThat(second.stamps()).isEqualTo(stamps);
  }

  @Test
  void aRememberedChecksumIsUsedOnlyForTheSameIdentity() throws Exception {
    // Proves the stamp, not the bytes, decides: a stamp with a wrong checksum but the file's
    // identity is trusted, and the same stamp under another name is not.
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    Stamp real = firstScan(file).get(0);
    Stamp forged =
        new Stamp(
            real.name(),
            real.inode(),
            real.size(),
            real.modifiedNanos(),
            real.changedNanos(),
            "remembered");
    assertThat(FileChecksums.remembering(List.of(forged), LATER).sha256(file))
        .isEqualTo("remembered");
    Path other = Files.writeString(dir.resolve("b.summary.csv"), "x");
    assertThat(FileChecksums.remembering(List.of(forged), LATER).sha256(other))
        .isEqualTo(sha256("x"));
  }

  @Test
  void aFileRewrittenInPlaceWithItsOldSizeAndTimeIsReadAgain() throws Exception {
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    List<Stamp> stamps = firstScan(file);
    FileTime modified = Files.getLastModifiedTime(file);
    Thread.sleep(20); // the change time must be able to move on a coarse clock
    Files.writeString(file, "y");
    Files.setLastModifiedTime(file, modified);

    FileChecksums second = FileChecksums.remembering(stamps, LATER);
    assertThat(second.sha256(file)).isEqualTo(sha256("y"));
    assertThat(second.reused()).isZero();
  }

  @Test
  void aFileReplacedByAnotherIsReadAgain() throws Exception {
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    List<Stamp> stamps = firstScan(file);
    Path replacement = Files.writeString(dir.resolve("incoming.tmp"), "z");
    Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING);

    FileChecksums second = FileChecksums.remembering(stamps, LATER);
    assertThat(second.sha256(file)).isEqualTo(sha256("z"));
    assertThat(second.reused()).isZero();
  }

  @Test
  void aFileChangedMomentsBeforeTheScanIsNotRemembered() throws Exception {
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    FileChecksums now = FileChecksums.remembering(List.of(), Instant.now());
    assertThat(now.sha256(file)).isEqualTo(sha256("x"));
    assertThat(now.stamps()).isEmpty();
  }

  @Test
  void noneReadsEveryFile() throws Exception {
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    FileChecksums none = FileChecksums.none();
    assertThat(none.sha256(file)).isEqualTo(sha256("x"));
    assertThat(none.reused()).isZero();
  }
}
