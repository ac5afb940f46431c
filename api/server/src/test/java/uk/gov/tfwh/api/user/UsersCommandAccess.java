package uk.gov.tfwh.api.user;

/** Runs {@code ./tfwh users} in-process for tests outside this package. */
public final class UsersCommandAccess {
  private UsersCommandAccess() {}

  public static int run(String... args) {
    return UsersCommand.commandLine().execute(args);
  }
}
