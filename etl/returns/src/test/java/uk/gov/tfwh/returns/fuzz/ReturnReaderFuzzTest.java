package uk.gov.tfwh.returns.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import uk.gov.tfwh.returns.Fixtures;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.LandingScan;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;

/**
 * Coverage-guided fuzzing of the return reader and its rules over CSV and XLSX (see {@link
 * FuzzedReturn} for how an input becomes files). Every input must end in an outcome that keeps
 * {@link OutcomeContract}, within {@link #MAX_MILLIS_PER_INPUT}; an exception, a hang or running
 * out of the test JVM's small heap fails the test.
 *
 * <p>In every build this runs as a regression test over the kept corpus (resources {@code
 * fuzz/ReturnReaderFuzzTestInputs}, seeded from the contract examples by {@link SeedCorpusTest}).
 * With {@code JAZZER_FUZZ=1} it fuzzes: briefly in CI (the {@code fuzz-short} surefire execution)
 * and for ten minutes from {@code ./tfwh bench fuzz}.
 */
class ReturnReaderFuzzTest {
  /**
   * Far above what a small return needs, even on a loaded machine; an input slower than this counts
   * as a hang. Timed only after {@link #warmUp}, so loading and instrumenting POI is not counted.
   */
  static final long MAX_MILLIS_PER_INPUT = 30_000;

  /**
   * Tighter than the defaults so the fuzzer can reach every limit with small inputs: 64 KiB per
   * file, 16 MiB unzipped, 200 claim rows.
   */
  static final ReadLimits LIMITS = new ReadLimits(64 * 1024, 16 * ReadLimits.MIB, 100, 200);

  private static ReturnReader reader;
  private static Path landing;

  /** Jazzer's agent writes a jar to the temporary folder, which surefire names but never makes. */
  @BeforeAll
  static void temporaryFolder() throws IOException {
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
  }

  private static synchronized Path landing() throws IOException {
    if (landing == null) {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      Files.createDirectories(tmp);
      landing = Files.createTempDirectory(tmp, "fuzz-landing-");
      reader = new ReturnReader(Fixtures.reference(), LIMITS);
      warmUp();
    }
    return landing;
  }

  @FuzzTest(maxDuration = "20s")
  void readReturn(byte[] input) throws IOException {
    Path dir = landing();
    empty(dir);
    FuzzedReturn fuzzed = FuzzedReturn.decode(input);
    fuzzed.writeTo(dir);
    long start = System.nanoTime();
    LandingScan scan = LandingFolder.scan(dir);
    if (scan.returns().size() != 1 || !scan.findings().isEmpty()) {
      throw new AssertionError("the fuzz files did not make one return: " + scan);
    }
    ReturnSource source = scan.returns().get(0);
    ReturnOutcome outcome = reader.read(dir, source);
    long millis = (System.nanoTime() - start) / 1_000_000;
    OutcomeContract.check(outcome, fuzzed.shape() + " input of " + input.length + " bytes");
    if (millis > MAX_MILLIS_PER_INPUT) {
      throw new AssertionError(
          "reading took " + millis + " ms (" + fuzzed.shape() + ", " + input.length + " bytes)");
    }
  }

  /**
   * Reads every contract example once, untimed: the first workbook loads (and, when fuzzing,
   * instruments) hundreds of POI classes, which took 17 s on a busy machine and is no hang.
   */
  private static void warmUp() {
    Path examples = Fixtures.examples();
    for (ReturnSource source : LandingFolder.scan(examples).returns()) {
      reader.read(examples, source);
    }
  }

  private static void empty(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
