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

  @Test
  void newFilesBesideEveryEarlierOneAreWhatTheScanAdded() throws Exception {
    Path a = Files.writeString(dir.resolve("a.summary.csv"), "x");
    List<Stamp> stamps = firstScan(a);
    Path b = Files.writeString(dir.resolve("b.summary.csv"), "y");

    FileChecksums second = FileChecksums.remembering(stamps, LATER);
    second.sha256(a);
    second.sha256(b);
    second.sha256(b); // looked at twice, added once

    assertThat(second.addedToEarlier())
        .hasValueSatisfying(
            added ->
                assertThat(added)
                    .singleElement()
                    .satisfies(
                        stamp -> {
                          assertThat(stamp.name()).isEqualTo("b.summary.csv");
                          assertThat(stamp.sha256()).isEqualTo(sha256("y"));
                        }));
    assertThat(second.stamps()).contains(stamps.get(0));
  }

  @Test
  void nothingIsAddedToEarlierStampsWhenOneOfThemIsNotKept() throws Exception {
    Path a = Files.writeString(dir.resolve("a.summary.csv"), "x");
    Path b = Files.writeString(dir.resolve("b.summary.csv"), "y");
    FileChecksums first = FileChecksums.remembering(List.of(), LATER);
    first.sha256(a);
    first.sha256(b);
    List<Stamp> stamps = first.stamps();

    FileChecksums gone = FileChecksums.remembering(stamps, LATER);
    gone.sha256(a); // b was deleted: its stamp is not kept
    assertThat(gone.addedToEarlier()).isEmpty();

    Files.writeString(b, "changed");
    FileChecksums changed = FileChecksums.remembering(stamps, LATER);
    changed.sha256(a);
    changed.sha256(b);
    assertThat(changed.addedToEarlier()).isEmpty();

    Files.writeString(b, "changed again"); // and just now: not settled, so not kept either
    FileChecksums unsettled = FileChecksums.remembering(first.stamps(), Instant.now());
    unsettled.sha256(a);
    unsettled.sha256(b);
    assertThat(unsettled.addedToEarlier()).isEmpty();
  }

  @Test
  void withoutEarlierStampsOnlyTheWholeListSaysWhatToRemember() throws Exception {
    Path a = Files.writeString(dir.resolve("a.summary.csv"), "x");
    FileChecksums first = FileChecksums.remembering(List.of(), LATER);
    first.sha256(a);
    assertThat(first.addedToEarlier()).isEmpty();
    assertThat(first.stamps()).hasSize(1);
  }
}
