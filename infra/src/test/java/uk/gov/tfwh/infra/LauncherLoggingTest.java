package uk.gov.tfwh.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every JVM the launcher starts has exactly one SLF4J provider for its libraries' logging. With
 * none, {@code ./tfwh publish} and {@code ./tfwh briefing} began every run with SLF4J's three-line
 * "no providers" warning (Iceberg and DuckDB log through SLF4J), and the briefing's SLF4J was 1.7,
 * brought in by a test-only library, which no 2.x provider serves; with two, SLF4J warns and picks
 * one. Read from each module's resolved runtime classpath, the one the launcher runs.
 */
class LauncherLoggingTest {
  private static final Path ROOT = Path.of(System.getProperty("tfwh.root.dir")).toAbsolutePath();
  private static final Pattern LAUNCHED =
      Pattern.compile("^\\s*tfwh_(?:spark_)?java (\\S+) (\\S+)", Pattern.MULTILINE);
  private static final Pattern PROVIDER =
      Pattern.compile(
          "/(slf4j-simple|slf4j-nop|slf4j-jdk14|slf4j-reload4j|logback-classic|log4j-slf4j2-impl)"
              + "-[0-9][^/]*\\.jar$");
  private static final Pattern API = Pattern.compile("/slf4j-api-([0-9]+)\\.[^/]*\\.jar$");

  @Test
  void everyCommandsJvmHasOneSlf4jProviderOfItsSlf4jVersion() throws IOException {
    Set<String> modules = launchedModules();
    assertThat(modules).contains("warehouse/query", "api/exports", "etl/spark", "api/web");
    for (String module : modules) {
      List<String> classpath =
          Arrays.asList(
              Files.readString(ROOT.resolve(module).resolve("target/runtime-classpath.txt"))
                  .strip()
                  .split(":"));
      List<String> apis = classpath.stream().filter(e -> API.matcher(e).find()).toList();
      if (apis.isEmpty()) {
        continue; // nothing in it logs through SLF4J (the sample generator)
      }
      assertThat(apis).as(module + "'s SLF4J").hasSize(1);
      Matcher major = API.matcher(apis.get(0));
      assertThat(major.find()).isTrue();
      assertThat(major.group(1)).as(module + "'s SLF4J major version").isEqualTo("2");
      assertThat(classpath.stream().filter(e -> PROVIDER.matcher(e).find()).toList())
          .as(module + "'s SLF4J providers")
          .hasSize(1);
    }
  }

  /** The modules whose main classes {@code ./tfwh} starts: each command line names its module. */
  private static Set<String> launchedModules() throws IOException {
    Set<String> modules = new TreeSet<>();
    Matcher launched = LAUNCHED.matcher(Files.readString(ROOT.resolve("tfwh")));
    while (launched.find()) {
      modules.add(launched.group(1));
    }
    return modules;
  }
}
