package uk.gov.tfwh.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: bad options give the usage and exit 2, help exits 0, nothing is written. */
class GenerateCommandTest {
  @TempDir Path temp;

  @Test
  void badOptionsExit2WithoutWritingAnything() {
    Path out = temp.resolve("out");
    assertThat(GenerateCommand.run()).as("no --out").isEqualTo(2);
    assertThat(GenerateCommand.run("--out", out.toString(), "--bogus")).isEqualTo(2);
    assertThat(GenerateCommand.run("--out", out.toString(), "--seed", "one")).isEqualTo(2);
    assertThat(GenerateCommand.run("--out", out.toString(), "--scale", "0")).isEqualTo(2);
    assertThat(GenerateCommand.run("--out", out.toString(), "--scale", "-2")).isEqualTo(2);
    assertThat(GenerateCommand.run("--out", out.toString(), "--faults", "1.5")).isEqualTo(2);
    assertThat(GenerateCommand.run("--out", out.toString(), "--faults", "NaN")).isEqualTo(2);
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void helpExits0() {
    assertThat(GenerateCommand.run("--help")).isZero();
  }

  @Test
  void aMissingReferenceSetFailsWithExit1() {
    assertThat(
            GenerateCommand.run(
                "--out",
                temp.resolve("out").toString(),
                "--reference",
                temp.resolve("nowhere").toString()))
        .isEqualTo(1);
  }
}
