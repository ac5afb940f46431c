package uk.gov.tfwh.api.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.api.access.Role;

class UsersFileTest {
  @TempDir Path dir;

  private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");

  private static ApiUser user(String name, Role role, String authority) {
    return new ApiUser(name, role, authority, ApiTokens.hash("token-of-" + name), CREATED);
  }

  @Test
  void aMissingFileHasNoUsers() {
    assertThat(new UsersFile(dir.resolve("none.tsv")).read()).isEmpty();
  }

  @Test
  void usersAreWrittenAndReadBackWithOnlyTheirTokensHashes() throws IOException {
    UsersFile file = new UsersFile(dir.resolve("sub/users.tsv"));
    List<ApiUser> users =
        List.of(
            user("national", Role.NATIONAL, null),
            user("kent", Role.COORDINATOR, "E10000016"),
            user("minister", Role.MINISTERIAL, null));

    file.write(users);

    assertThat(file.read()).isEqualTo(users);
    String text = Files.readString(file.path());
    assertThat(text).doesNotContain("token-of-").contains(ApiTokens.hash("token-of-kent"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())))
        .isEqualTo("rw-------");
    try (var left = Files.list(file.path().getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("users.tsv");
    }
  }

  @Test
  void commentsAndBlankLinesAreSkipped() throws IOException {
    Path path = dir.resolve("users.tsv");
    Files.writeString(
        path,
        "# a comment\n\nalice\tnational\t-\t" + ApiTokens.hash("x") + "\t2026-01-01T10:00:00Z\n");

    assertThat(new UsersFile(path).read())
        .containsExactly(new ApiUser("alice", Role.NATIONAL, null, ApiTokens.hash("x"), CREATED));
  }

  @Test
  void aMalformedLineIsAnErrorNamingTheLine() throws IOException {
    Path path = dir.resolve("users.tsv");
    String hash = ApiTokens.hash("x");
    for (String bad :
        List.of(
            "alice\tnational\t-\t" + hash,
            "alice\tadmin\t-\t" + hash + "\t2026-01-01T10:00:00Z",
            "alice\tcoordinator\t-\t" + hash + "\t2026-01-01T10:00:00Z",
            "alice\tnational\tE10000016\t" + hash + "\t2026-01-01T10:00:00Z",
            "alice\tnational\t-\tnot-a-hash\t2026-01-01T10:00:00Z",
            "alice\tnational\t-\t" + hash + "\tyesterday",
            "al ice\tnational\t-\t" + hash + "\t2026-01-01T10:00:00Z")) {
      Files.writeString(path, "# header\n" + bad + "\n");
      assertThatThrownBy(() -> new UsersFile(path).read())
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("line 2");
    }
  }

  @Test
  void anSroFlagIsWrittenAsASixthFieldAndFilesWithoutItStillRead() throws IOException {
    Path path = dir.resolve("users.tsv");
    String hash = ApiTokens.hash("x");
    UsersFile file = new UsersFile(path);
    file.write(
        List.of(
            new ApiUser("kim", Role.COORDINATOR, "E10000016", hash, Instant.EPOCH, true),
            new ApiUser("ana", Role.COORDINATOR, "E10000016", hash, Instant.EPOCH)));

    assertThat(Files.readAllLines(path))
        .anyMatch(l -> l.startsWith("kim\t") && l.endsWith("\tsro"));
    assertThat(file.read()).extracting(ApiUser::signsOff).containsExactly(true, false);
    // A file written before the flag existed: five fields a line.
    Files.writeString(path, "ana\tCOORDINATOR\tE10000016\t" + hash + "\t1970-01-01T00:00:00Z\n");
    assertThat(file.read()).singleElement().satisfies(u -> assertThat(u.signsOff()).isFalse());
    Files.writeString(
        path, "ana\tCOORDINATOR\tE10000016\t" + hash + "\t1970-01-01T00:00:00Z\tyes\n");
    assertThatThrownBy(file::read).hasMessageContaining("line 1").hasMessageContaining("sro");
    assertThatThrownBy(() -> new ApiUser("nat", Role.NATIONAL, null, hash, Instant.EPOCH, true))
        .hasMessageContaining("only a coordinator");
  }

  @Test
  void aUserListedTwiceIsAnError() {
    UsersFile file = new UsersFile(dir.resolve("users.tsv"));
    file.write(List.of(user("alice", Role.NATIONAL, null), user("alice", Role.MINISTERIAL, null)));

    assertThatThrownBy(file::read).hasMessageContaining("appears twice");
  }
}
