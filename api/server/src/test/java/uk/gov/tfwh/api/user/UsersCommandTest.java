package uk.gov.tfwh.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.gov.tfwh.api.access.Role;

/** {@code ./tfwh users add|list|revoke}, run in-process. */
class UsersCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = UsersCommand.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exit = command.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private String users() {
    return dir.resolve("users.tsv").toString();
  }

  @Test
  void addPrintsTheTokenOnceAndStoresOnlyItsHash() throws Exception {
    Run added =
        run("add", "kent", "--role", "coordinator", "--authority", "E10000016", "--users", users());

    assertThat(added.exit()).isZero();
    String token = added.out().trim();
    assertThat(token).matches("tfwh_[A-Za-z0-9_-]{43}");
    assertThat(added.err()).contains("shown only this once").doesNotContain(token);
    String file = Files.readString(Path.of(users()));
    assertThat(file).doesNotContain(token).contains(ApiTokens.hash(token));
    assertThat(new UsersFile(Path.of(users())).read())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.role()).isEqualTo(Role.COORDINATOR);
              assertThat(u.authority()).isEqualTo("E10000016");
            });

    Run listed = run("list", "--users", users());
    assertThat(listed.exit()).isZero();
    assertThat(listed.out()).contains("kent\tCOORDINATOR\tE10000016").doesNotContain(token);
    assertThat(listed.out()).doesNotContain(ApiTokens.hash(token));
  }

  @Test
  void revokeRemovesTheUserAndItsToken() {
    String token = run("add", "alice", "--role", "NATIONAL", "--users", users()).out().trim();
    run("add", "bob", "--role", "MINISTERIAL", "--users", users());

    assertThat(run("revoke", "alice", "--users", users()).exit()).isZero();

    assertThat(new UsersFile(Path.of(users())).read())
        .extracting(ApiUser::name)
        .containsExactly("bob");
    assertThat(
            new UsersFile(Path.of(users()))
                .read().stream().anyMatch(u -> ApiTokens.matches(token, u.tokenHash())))
        .isFalse();
    assertThat(run("revoke", "alice", "--users", users()).exit()).isEqualTo(2);
  }

  @Test
  void badInputIsRefusedWithExit2AndNothingWritten() {
    assertThat(run("add", "x", "--role", "ADMIN", "--users", users()).exit()).isEqualTo(2);
    assertThat(run("add", "x", "--role", "COORDINATOR", "--users", users()).exit()).isEqualTo(2);
    assertThat(
            run("add", "x", "--role", "NATIONAL", "--authority", "E10000016", "--users", users())
                .exit())
        .isEqualTo(2);
    assertThat(run("add", "x y", "--role", "NATIONAL", "--users", users()).exit()).isEqualTo(2);
    assertThat(Files.exists(Path.of(users()))).isFalse();

    run("add", "x", "--role", "NATIONAL", "--users", users());
    Run again = run("add", "x", "--role", "NATIONAL", "--users", users());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
    assertThat(again.out()).isEmpty();
  }

  @Test
  void aCoordinatorBelongsToAnAuthorityOfTheReferenceSetByItsCurrentCode() {
    Run unknown =
        run("add", "x", "--role", "COORDINATOR", "--authority", "E99999999", "--users", users());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("E99999999 is not an authority of the reference set");
    Run former =
        run("add", "x", "--role", "COORDINATOR", "--authority", "E08000020", "--users", users());
    assertThat(former.exit()).isEqualTo(2);
    assertThat(former.err()).contains("former code of Gateshead").contains("E08000037");
    assertThat(Files.exists(Path.of(users()))).as("nothing written").isFalse();

    assertThat(
            run("add", "x", "--role", "COORDINATOR", "--authority", "E08000037", "--users", users())
                .exit())
        .isZero();
  }
}
