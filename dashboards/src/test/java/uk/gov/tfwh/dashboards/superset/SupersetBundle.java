package uk.gov.tfwh.dashboards.superset;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Superset bundle as its YAML sources, grouped the way Superset's v1 importer groups them: by
 * the first folder of each path ({@code databases/}, {@code datasets/}, {@code charts/}, {@code
 * dashboards/}) plus {@code metadata.yaml}.
 */
public record SupersetBundle(
    BundleFile metadata,
    List<BundleFile> databases,
    List<BundleFile> datasets,
    List<BundleFile> charts,
    List<BundleFile> dashboards) {

  public SupersetBundle {
    requireNonNull(metadata, "metadata");
    databases = List.copyOf(databases);
    datasets = List.copyOf(datasets);
    charts = List.copyOf(charts);
    dashboards = List.copyOf(dashboards);
  }

  /** The folder the build and the tests read, passed by surefire. */
  public static Path sourceFolder() {
    return Path.of(
        requireNonNull(
            System.getProperty("tfwh.dashboards.bundle.dir"),
            "system property tfwh.dashboards.bundle.dir (set by the dashboards pom)"));
  }

  public static SupersetBundle read(Path root) {
    List<BundleFile> files = yamlFiles(root).stream().map(path -> parse(root, path)).toList();
    BundleFile metadata =
        files.stream()
            .filter(file -> file.path().equals("metadata.yaml"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(root + ": no metadata.yaml"));
    return new SupersetBundle(
        metadata,
        under(files, "databases/"),
        under(files, "datasets/"),
        under(files, "charts/"),
        under(files, "dashboards/"));
  }

  /** Every YAML file below the root, as paths relative to it with '/' separators, sorted. */
  public static List<String> yamlFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(path -> root.relativize(path).toString().replace('\\', '/'))
          .filter(path -> path.endsWith(".yaml") || path.endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  public static Map<String, Object> parseYaml(String name, String text) {
    // SafeConstructor: plain maps, lists and scalars only, like Python's yaml.safe_load in
    // Superset.
    Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new IllegalStateException(name + ": the document is not a mapping");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) map;
    return content;
  }

  public List<BundleFile> all() {
    List<BundleFile> all = new ArrayList<>();
    all.add(metadata);
    all.addAll(databases);
    all.addAll(datasets);
    all.addAll(charts);
    all.addAll(dashboards);
    return all;
  }

  public Optional<BundleFile> dataset(UUID uuid) {
    return datasets.stream().filter(dataset -> dataset.uuid().equals(uuid)).findFirst();
  }

  public Optional<BundleFile> chart(UUID uuid) {
    return charts.stream().filter(chart -> chart.uuid().equals(uuid)).findFirst();
  }

  public BundleFile datasetNamed(String tableName) {
    return datasets.stream()
        .filter(dataset -> dataset.string("table_name").equals(tableName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no dataset " + tableName));
  }

  private static BundleFile parse(Path root, String relativePath) {
    try {
      String text = Files.readString(root.resolve(relativePath));
      return new BundleFile(relativePath, parseYaml(relativePath, text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root.resolve(relativePath), e);
    }
  }

  private static List<BundleFile> under(List<BundleFile> files, String folder) {
    return files.stream().filter(file -> file.path().startsWith(folder)).toList();
  }
}
