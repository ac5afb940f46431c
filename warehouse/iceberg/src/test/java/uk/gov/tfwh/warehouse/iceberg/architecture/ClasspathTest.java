package uk.gov.tfwh.warehouse.iceberg.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No engine reaches the module's runtime classpath through a dependency either: the catalog, the
 * schemas, the locks and retention run without Hadoop, which Iceberg's default file IO would need.
 * The tests' own classpath has Hadoop (Iceberg's Parquet writer needs it to write test data), so
 * the check loads classes from the runtime classpath alone, as Maven resolves it for the main code
 * ({@code target/runtime-classpath.txt}, written before the tests run).
 */
class ClasspathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.apache.hadoop.conf.Configuration",
        "org.apache.spark.sql.SparkSession",
        "org.duckdb.DuckDBDriver",
        "io.trino.jdbc.TrinoDriver"
      })
  void theEngineIsNotOnTheRuntimeClasspath(String engineClass) throws IOException {
    try (URLClassLoader runtime = runtimeClassLoader()) {
      assertThatThrownBy(() -> Class.forName(engineClass, false, runtime))
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void theRuntimeClasspathHasTheModuleAndIceberg() throws Exception {
    try (URLClassLoader runtime = runtimeClassLoader()) {
      assertThat(Class.forName("org.apache.iceberg.jdbc.JdbcCatalog", false, runtime)).isNotNull();
      assertThat(Class.forName("uk.gov.tfwh.warehouse.iceberg.retention.Retention", false, runtime))
          .isNotNull();
    }
  }

  private static URLClassLoader runtimeClassLoader() throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(url(Path.of(System.getProperty("tfwh.main.classes"))));
    String classpath =
        Files.readString(Path.of(System.getProperty("tfwh.runtime.classpath"))).strip();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        urls.add(url(Path.of(entry)));
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }
}
