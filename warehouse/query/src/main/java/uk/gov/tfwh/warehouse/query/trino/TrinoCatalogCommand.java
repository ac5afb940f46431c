package uk.gov.tfwh.warehouse.query.trino;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

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
  public static final String CATALOG_ENV = "TFWH_CATALOG";

  @Option(
      names = "--warehouse",
      required = true,
      paramLabel = "DIR",
      description = "Warehouse folder (the embedded catalog's home).")
  Path warehouse;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Catalog settings file (default: TFWH_CATALOG, else the embedded catalog).")
  Path catalog;

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
    TrinoCatalogProperties trino = new TrinoCatalogProperties(settings());
    // Trino would start and fail on the first query; say it now, naming only the variable.
    trino
        .settings()
        .passwordEnv()
        .filter(variable -> environment.getOrDefault(variable, "").isEmpty())
        .ifPresent(
            variable -> {
              throw new IllegalStateException(
                  CatalogSettings.PASSWORD_ENV
                      + " names the environment variable "
                      + variable
                      + ", which is not set; Trino reads the password from it");
            });
    Files.createDirectories(out);
    Path file = out.resolve(trino.fileName());
    Path temporary = out.resolve(trino.fileName() + ".tmp");
    Files.writeString(temporary, trino.fileText(), StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    spec.commandLine().getOut().println(file);
    return 0;
  }

  private CatalogSettings settings() {
    Path file =
        catalog != null
            ? catalog
            : environment.containsKey(CATALOG_ENV) && !environment.get(CATALOG_ENV).isBlank()
                ? Path.of(environment.get(CATALOG_ENV))
                : null;
    return file == null
        ? CatalogSettings.embedded(warehouse)
        : CatalogSettings.read(file, warehouse);
  }
}
