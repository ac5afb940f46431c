package uk.gov.tfwh.generator.neighbour;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.gov.tfwh.programme.neighbour.Neighbour;
import uk.gov.tfwh.programme.neighbour.NeighbourSetLoader;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.reference.Authority;
import uk.gov.tfwh.programme.reference.AuthorityType;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.programme.reference.Target;

/**
 * Computes the default statistical neighbour set from the reference data the warehouse holds: a
 * stand-in for an official list (docs/methodology.md, "Statistical neighbours").
 *
 * <p>Each authority is a point: the standardised logarithms of its phase-1 and phase-2 targets (the
 * size of its troubled-families caseload; logarithms because sizes are skewed and a difference
 * between 400 and 800 matters as much as between 4,000 and 8,000), one-hot authority type scaled by
 * {@link #TYPE_WEIGHT} and one-hot region scaled by {@link #REGION_WEIGHT}. Its neighbours are the
 * {@code count} other authorities nearest by Euclidean distance, ties broken by the neighbour's
 * code, so the same reference set always gives the same file.
 */
@Command(
    name = "neighbours",
    mixinStandardHelpOptions = true,
    description = "Write the default statistical neighbour set computed from a reference folder.")
public final class NeighbourSetBuilder implements Callable<Integer> {
  /**
   * A different type adds sqrt(2) x 1.0 (as far as 1.4 standard deviations of size): type matters
   * most, as it does for services and funding.
   */
  public static final double TYPE_WEIGHT = 1.0;

  /** A different region adds sqrt(2) x 0.5 (0.7 standard deviations of size). */
  public static final double REGION_WEIGHT = 0.5;

  public static final int DEFAULT_COUNT = 10;

  @Option(
      names = "--reference",
      paramLabel = "DIR",
      description = "Reference folder (default: reference).")
  Path reference = Path.of("reference");

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Output (default: DIR/neighbours.csv).")
  Path out;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "Neighbours per authority (default 10).")
  int count = DEFAULT_COUNT;

  public static void main(String[] args) {
    System.exit(new CommandLine(new NeighbourSetBuilder()).execute(args));
  }

  @Override
  public Integer call() {
    ReferenceData data = ReferenceDataLoader.load(reference);
    List<Neighbour> neighbours = build(data, count);
    Path target = out != null ? out : reference.resolve(NeighbourSetLoader.FILE);
    write(target, neighbours);
    NeighbourSetLoader.load(target, data);
    System.out.println(
        "wrote " + neighbours.size() + " neighbours (set " + setVersion(data) + ") to " + target);
    return 0;
  }

  /**
   * The set's version: derived from the reference set's, so a new reference set gives a new one.
   */
  public static String setVersion(ReferenceData reference) {
    return "tfwh-default-" + reference.version();
  }

  /** The default set for this reference data, effective from the reference set's date. */
  public static List<Neighbour> build(ReferenceData reference, int count) {
    requireNonNull(reference, "reference");
    List<Authority> authorities =
        reference.authorities().stream().sorted(Comparator.comparing(Authority::code)).toList();
    if (count < 1 || count >= authorities.size()) {
      throw new IllegalArgumentException(
          "count must be between 1 and " + (authorities.size() - 1) + ", not " + count);
    }
    double[][] points = points(reference, authorities);
    String version = setVersion(reference);
    LocalDate effective = reference.effectiveFrom();
    List<Neighbour> neighbours = new ArrayList<>();
    for (int i = 0; i < authorities.size(); i++) {
      List<Integer> others = new ArrayList<>();
      for (int j = 0; j < authorities.size(); j++) {
        if (j != i) {
          others.add(j);
        }
      }
      int self = i;
      others.sort(
          Comparator.<Integer>comparingDouble(j -> distance(points[self], points[j]))
              .thenComparing(j -> authorities.get(j).code()));
      for (int rank = 1; rank <= count; rank++) {
        neighbours.add(
            new Neighbour(
                authorities.get(i).code(),
                authorities.get(others.get(rank - 1)).code(),
                rank,
                version,
                effective));
      }
    }
    return neighbours;
  }

  private static double[][] points(ReferenceData reference, List<Authority> authorities) {
    List<String> regions =
        authorities.stream().map(a -> a.region().code()).distinct().sorted().toList();
    AuthorityType[] types = AuthorityType.values();
    double[] phase1 = standardisedLogTargets(reference, authorities, Phase.ONE);
    double[] phase2 = standardisedLogTargets(reference, authorities, Phase.TWO);
    double[][] points = new double[authorities.size()][];
    for (int i = 0; i < authorities.size(); i++) {
      Authority authority = authorities.get(i);
      double[] point = new double[2 + types.length + regions.size()];
      point[0] = phase1[i];
      point[1] = phase2[i];
      point[2 + authority.type().ordinal()] = TYPE_WEIGHT;
      point[2 + types.length + regions.indexOf(authority.region().code())] = REGION_WEIGHT;
      points[i] = point;
    }
    return points;
  }

  /** z-scores (population standard deviation) of log(target) across all authorities. */
  private static double[] standardisedLogTargets(
      ReferenceData reference, List<Authority> authorities, Phase phase) {
    double[] values = new double[authorities.size()];
    for (int i = 0; i < values.length; i++) {
      String code = authorities.get(i).code();
      Target target =
          reference
              .target(code, phase)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          code + " has no phase " + phase.number() + " target"));
      values[i] = Math.log(target.families());
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double variance = 0;
    for (double v : values) {
      variance += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(variance / values.length);
    for (int i = 0; i < values.length; i++) {
      values[i] = sd == 0 ? 0 : (values[i] - mean) / sd;
    }
    return values;
  }

  private static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      double d = a[k] - b[k];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  /** Writes the file through a temporary file and a rename, so it is never half written. */
  public static void write(Path file, List<Neighbour> neighbours) {
    StringBuilder csv = new StringBuilder(NeighbourSetLoader.HEADER).append('\n');
    for (Neighbour n : neighbours) {
      csv.append(n.authorityCode())
          .append(',')
          .append(n.neighbourCode())
          .append(',')
          .append(n.neighbourRank())
          .append(',')
          .append(n.setVersion())
          .append(',')
          .append(n.effectiveFrom())
          .append('\n');
    }
    try {
      Path absolute = file.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
      Files.writeString(temp, csv, StandardCharsets.UTF_8);
      Files.move(
          temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
