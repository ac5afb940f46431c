package uk.gov.tfwh.api.user;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;

/**
 * {@code ./tfwh users}: add a user (printing their new bearer token once), revoke one, list them.
 * Exit 2 for bad options or input, 1 when the users file cannot be used.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Add, revoke and list API users. Only a hash of each token is stored.",
    subcommands = {UsersCommand.Add.class, UsersCommand.Revoke.class, UsersCommand.ListUsers.class},
    exitCodeOnExecutionException = 1)
public final class UsersCommand implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new UsersCommand());
    // A bad users file or an unwritable folder is one line, not a stack trace.
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          cl.getErr().println("tfwh users: " + e.getMessage());
          return e instanceof IllegalArgumentException ? 2 : 1;
        });
    return commandLine;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say add, revoke or list");
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a user; prints their token once.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = "--role",
        required = true,
        description = "NATIONAL, COORDINATOR or MINISTERIAL.")
    String role;

    @Option(
        names = "--authority",
        paramLabel = "CODE",
        description = "The coordinator's authority.")
    String authority;

    @Option(
        names = "--sro",
        description =
            "A coordinator who is the authority's senior responsible officer: signs off its"
                + " quarterly returns.")
    boolean sro;

    @Option(names = "--users", required = true, paramLabel = "FILE", description = "Users file.")
    Path users;

    @Option(
        names = "--reference",
        paramLabel = "DIR",
        description =
            "Reference set whose authorities a coordinator may belong to (default:"
                + " ${tfwh.root.dir}/reference).")
    Path reference;

    @Override
    public Integer call() {
      if (authority != null) {
        checkAuthority(authority.strip());
      }
      UsersFile file = new UsersFile(users);
      List<ApiUser> existing = new ArrayList<>(file.read());
      if (existing.stream().anyMatch(u -> u.name().equals(name))) {
        throw new ParameterException(
            spec.commandLine(), "user " + name + " already exists in " + users + "; revoke first");
      }
      String token = ApiTokens.newToken();
      ApiUser user;
      try {
        user =
            new ApiUser(name, Role.of(role), authority, ApiTokens.hash(token), Instant.now(), sro);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      existing.add(user);
      file.write(existing);
      PrintWriter out = spec.commandLine().getOut();
      out.println(token);
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "added "
              + name
              + " ("
              + user.role().name()
              + (authority == null ? "" : " of " + authority)
              + (sro ? ", its senior responsible officer: signs off its returns" : "")
              + "). The token above is shown only this once: send it as 'Authorization: Bearer"
              + " <token>'.");
      err.flush();
      return 0;
    }

    /** A coordinator belongs to an authority of the reference set, by its current code. */
    private void checkAuthority(String code) {
      Path dir = reference;
      if (dir == null) {
        String root = System.getProperty("tfwh.root.dir");
        if (root == null) {
          throw new ParameterException(
              spec.commandLine(), "give --reference DIR to check the authority against");
        }
        dir = Path.of(root, "reference");
      }
      ReferenceData set = ReferenceDataLoader.load(dir);
      if (set.authority(code).isPresent()) {
        return;
      }
      String known =
          set.resolve(code)
              .map(
                  match ->
                      code
                          + " is a former code of "
                          + match.authority().name()
                          + ": use its current code "
                          + match.authority().code())
              .orElse(code + " is not an authority of the reference set " + set.version());
      throw new ParameterException(spec.commandLine(), "--authority: " + known);
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Remove a user and their token.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--users", required = true, paramLabel = "FILE", description = "Users file.")
    Path users;

    @Override
    public Integer call() {
      UsersFile file = new UsersFile(users);
      List<ApiUser> existing = file.read();
      List<ApiUser> kept = existing.stream().filter(u -> !u.name().equals(name)).toList();
      if (kept.size() == existing.size()) {
        throw new ParameterException(spec.commandLine(), "no user " + name + " in " + users);
      }
      file.write(kept);
      spec.commandLine().getOut().println("revoked " + name);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List users (never tokens).")
  static final class ListUsers implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--users", required = true, paramLabel = "FILE", description = "Users file.")
    Path users;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.println("name\trole\tauthority\tcreated\tsigns_off");
      for (ApiUser u : new UsersFile(users).read()) {
        out.println(
            u.name()
                + '\t'
                + u.role().name()
                + '\t'
                + (u.authority() == null ? "-" : u.authority())
                + '\t'
                + u.created()
                + '\t'
                + (u.signsOff() ? "yes (SRO)" : "no"));
      }
      out.flush();
      return 0;
    }
  }
}
