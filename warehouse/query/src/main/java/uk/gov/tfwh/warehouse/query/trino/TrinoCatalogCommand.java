package uk.gov.tfwh.warehouse.query.trino;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;

/**
 * Writes Trino's catalog file for the warehouse's Iceberg catalog: what {@code infra/trino/trino.sh
 * start --warehouse DIR [--catalog FILE]} runs, so the mapping lives in {@link
 * TrinoCatalogProperties} and not a second time in the script. Prints the file's path.
 */
@Command(
    name = "trino-catalog",
    mixinStandardHelpOptions = true,
    description = "Write etc/catalog/<name>.properties for the warehouse's Iceberg catalog.",
    exitCodeOnExecutionException = 1)
public final class TrinoCatalogCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Where the catalog settings file comes from when --catalog is not given. */
  public static final String CATALOG_ENV = StoreChoice.CATALOG_ENV;

  @Option(
      names = "--warehouse",
      required = true,
      paramLabel = "DIR",
      description = "Warehouse folder (the embedded catalog's home).")
  Path warehouse;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description =
          "Catalog settings file, once per catalog to serve (default: TFWH_CATALOG, else the"
              + " embedded catalog).")
  List<Path> catalogs = new ArrayList<>();

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Trino's etc/catalog folder.")
  Path out;

  private final Map<String, String> environment;

  public TrinoCatalogCommand() {
    this(System.getenv());
  }

  TrinoCatalogCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static void main(String[] args) {
    System.exit(commandLine(new TrinoCatalogCommand()).execute(args));
  }

  static CommandLine commandLine(TrinoCatalogCommand command) {
    CommandLine line = new CommandLine(command);
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("tfwh trino: " + e.getMessage());
          return 1;
        });
    return line;
  }

  @Override
  public Integer call() throws IOException {
    List<TrinoCatalogProperties> trino = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (CatalogSettings settings : settings()) {
      TrinoCatalogProperties catalog = new TrinoCatalogProperties(settings);
      if (!names.add(catalog.catalogName())) {
        throw new IllegalArgumentException(
            "two catalogs are named " + catalog.catalogName() + "; set " + CatalogSettings.NAME);
      }
      requireEnvironment(catalog);
      trino.add(catalog);
    }
    Files.createDirectories(out);
    for (TrinoCatalogProperties catalog : trino) {
      Path file = out.resolve(catalog.fileName());
      Path temporary = out.resolve(catalog.fileName() + ".tmp");
      Files.writeString(temporary, catalog.fileText(), StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      spec.commandLine().getOut().println(file);
    }
    return 0;
  }

  /**
   * Trino would start and fail on the first query (the catalog password) or not load the catalog
   * (the S3 keys): say it now, naming only the variable.
   */
  private void requireEnvironment(TrinoCatalogProperties catalog) {
    catalog
        .environmentVariables()
        .forEach(
            (setting, variable) -> {
              if (environment.getOrDefault(variable, "").isEmpty()) {
                throw new IllegalStateException(
                    setting
                        + " names the environment variable "
                        + variable
                        + ", which is not set; Trino reads the secret from it");
              }
            });
  }

  /**
   * Each catalog to serve, chosen by the rule every command follows for Trino ({@link
   * StoreChoice#forTrino}), which refuses the folder store naming the migration.
   */
  private List<CatalogSettings> settings() {
    if (catalogs.isEmpty()) {
      return List.of(StoreChoice.forTrino(null, warehouse, environment));
    }
    List<CatalogSettings> settings = new ArrayList<>();
    for (Path file : catalogs) {
      settings.add(StoreChoice.forTrino(file, warehouse, environment));
    }
    return settings;
  }
}
