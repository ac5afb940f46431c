package uk.gov.tfwh.generator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.gov.tfwh.generator.sample.GenerationOptions;
import uk.gov.tfwh.generator.sample.GenerationResult;
import uk.gov.tfwh.generator.sample.SampleGenerator;
import uk.gov.tfwh.programme.reference.ReferenceDataException;

/**
 * {@code ./tfwh generate}: writes a landing folder of realistic sample TFQR-1 returns for every
 * authority. Exit 0 when written, 1 with a one-line reason when it failed, 2 on bad options.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    version = "tfwh generate (TFQR-1 sample returns)",
    description = {
      "Write realistic sample TFQR-1 returns for all 152 authorities.",
      "",
      "Phase 1 from 2012-06-30 to 2015-03-31; phase 2 from 2014-09-30 (early starters) or"
          + " 2015-06-30 to 2020-03-31. About 1 in 5 returns is XLSX and some are resubmitted."
          + " fault-manifest.json and generation-manifest.json are written beside them. The same"
          + " seed always writes the same bytes."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Landing folder to write.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale",
      defaultValue = "1",
      description =
          "Multiplies every authority's families, so claim rows, for benchmarks (default:"
              + " ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--faults",
      defaultValue = "0",
      description =
          "Share of returns (0 to 1) that get a broken return or claim row beside them; every"
              + " kind at least once when above 0 (default: ${DEFAULT-VALUE}).")
  double faults;

  @Option(
      names = "--reference",
      description = "Reference set folder (default: ${tfwh.root.dir}/reference, else ./reference).")
  Path reference;

  private final PrintWriter err;

  GenerateCommand(PrintWriter err) {
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Parses and runs; returns the exit code. */
  public static int run(String... args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    CommandLine line = new CommandLine(new GenerateCommand(err));
    line.setOut(out);
    line.setErr(err);
    return line.execute(args);
  }

  @Override
  public Integer call() {
    CommandLine.Model.CommandSpec spec = new CommandLine(this).getCommandSpec();
    if (!(scale > 0) || scale > 1000) {
      return usage(spec, "--scale must be above 0 and at most 1000, not " + scale);
    }
    if (!(faults >= 0) || faults > 1) {
      return usage(spec, "--faults must be a share from 0 to 1, not " + faults);
    }
    long started = System.nanoTime();
    try {
      GenerationResult result =
          new SampleGenerator(err::println)
              .generate(
                  new GenerationOptions(
                      out.toAbsolutePath(), seed, scale, faults, referenceFolder()));
      err.printf(
          Locale.ROOT,
          "generate: wrote %,d returns (%,d files, %,d claim rows, %,d faults) to %s in %.1f s%n",
          result.counts().get("returns"),
          result.counts().get("files"),
          result.counts().get("claim_rows"),
          result.faults().size(),
          out,
          (System.nanoTime() - started) / 1e9);
      return 0;
    } catch (ReferenceDataException e) {
      err.println("generate: the reference data cannot be loaded: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("generate: failed: " + e);
      return 1;
    }
  }

  private int usage(CommandLine.Model.CommandSpec spec, String problem) {
    err.println(problem);
    spec.commandLine().usage(err);
    return 2;
  }

  private Path referenceFolder() {
    if (reference != null) {
      return reference;
    }
    String root = System.getProperty("tfwh.root.dir");
    return root == null ? Path.of("reference") : Path.of(root, "reference");
  }
}
