package uk.gov.tfwh.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A newcomer's first step is {@code ./tfwh help} and then {@code ./tfwh COMMAND --help}: every
 * command (and every benchmark and users subcommand) must answer with its usage and do nothing
 * else. {@code ./tfwh warm-up --help} used to record a 160 MB class-data archive.
 */
class LauncherHelpTest {
  private static final Path ROOT = Path.of(System.getProperty("tfwh.root.dir")).toAbsolutePath();
  private static final Pattern COMMAND_LINE = Pattern.compile("^  ([a-z][a-z-]*) {2,}\\S.*");

  record Run(int code, String output) {}

  /** Runs the launcher as a user would, without letting it rebuild the project. */
  static Run tfwh(String... args) {
    return tfwh(Map.of(), args);
  }

  /** Runs the launcher as {@link #tfwh(String...)} does, with these variables added. */
  static Run tfwh(Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("tfwh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().put("TFWH_SKIP_BUILD", "1");
    try {
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("./tfwh " + args[0]).isTrue();
      return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The commands {@code ./tfwh help} lists: a new command is tested without a change here. */
  static List<String> commands() {
    Run help = tfwh("help");
    assertThat(help.code()).isZero();
    List<String> commands = new ArrayList<>();
    for (String line : help.output().split("\n")) {
      Matcher command = COMMAND_LINE.matcher(line);
      if (command.matches()) {
        commands.add(command.group(1));
      }
    }
    assertThat(commands).contains("load", "serve", "warm-up", "bench", "demo", "test");
    return commands;
  }

  static List<String> benchmarks() {
    try (Stream<Path> scripts = Files.list(ROOT.resolve("bench"))) {
      return scripts
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".sh"))
          .map(name -> name.substring(0, name.length() - ".sh".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "./tfwh {0} --help")
  @MethodSource("commands")
  void everyCommandAnswersHelpWithItsUsageAndDoesNoWork(String command) throws IOException {
    Set<String> before = filesWrittenByCommands();

    Run run = tfwh(command, "--help");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).as("./tfwh " + command + " --help").containsIgnoringCase("usage");
    assertThat(filesWrittenByCommands()).as("files written by --help").isEqualTo(before);
  }

  @ParameterizedTest(name = "./tfwh bench {0} --help")
  @MethodSource("benchmarks")
  void everyBenchmarkAnswersHelpAndDoesNoWork(String benchmark) throws IOException {
    Set<String> before = filesWrittenByCommands();

    Run run = tfwh("bench", benchmark, "--help");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).contains("./tfwh bench " + benchmark);
    assertThat(filesWrittenByCommands()).isEqualTo(before);
  }

  @Test
  void benchHelpSaysWhatEachBenchmarkMeasures() {
    Run run = tfwh("bench", "--help");

    assertThat(run.code()).isZero();
    for (String benchmark : benchmarks()) {
      assertThat(run.output())
          .as("a line for " + benchmark)
          .containsPattern("(?m)^  " + Pattern.quote(benchmark) + " +\\S.{20,}");
    }
  }

  @Test
  void everyUsersSubcommandAnswersHelp() {
    for (String sub : List.of("add", "revoke", "list")) {
      Run run = tfwh("users", sub, "--help");
      assertThat(run.code()).as(run.output()).isZero();
      assertThat(run.output()).startsWith("Usage: users " + sub);
    }
  }

  @Test
  void helpTextsAreWrappedAsParagraphsNotBrokenMidSentence() {
    for (String command : List.of("generate", "load", "publish", "briefing")) {
      String[] lines = tfwh(command, "--help").output().split("\n");
      for (int i = 0; i + 1 < lines.length; i++) {
        String line = lines[i];
        boolean prose = !line.isBlank() && !line.startsWith(" ") && !line.startsWith("Usage");
        boolean continued = !lines[i + 1].isBlank() && !lines[i + 1].startsWith(" ");
        // One or two words with the sentence going on below is what a description broken by hand
        // and wrapped again by picocli leaves behind ("load are", "in Trino").
        if (prose && continued) {
          assertThat(line.trim().split(" +").length)
              .as("./tfwh " + command + " --help line: " + line)
              .isGreaterThan(2);
        }
      }
    }
  }

  /** Files under var/ and target/ of the project root: where commands write when they work. */
  private static Set<String> filesWrittenByCommands() throws IOException {
    Set<String> files = new TreeSet<>();
    for (Path dir : List.of(ROOT.resolve("var"), ROOT.resolve("target"))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(Files::isRegularFile).forEach(p -> files.add(ROOT.relativize(p).toString()));
        }
      }
    }
    return files;
  }
}
