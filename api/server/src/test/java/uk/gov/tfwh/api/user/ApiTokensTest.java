package uk.gov.tfwh.api.user;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

  @Test
  void aTokenIs256RandomBitsWithARecognisablePrefix() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = ApiTokens.newToken();
      assertThat(token).startsWith("tfwh_").matches("tfwh_[A-Za-z0-9_-]{43}");
      tokens.add(token);
    }
    assertThat(tokens).hasSize(1000);
  }

  @Test
  void theStoredFormIsTheSha256OfTheToken() {
    // The FIPS 180-2 test vector for "abc".
    assertThat(ApiTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    String token = ApiTokens.newToken();
    assertThat(ApiTokens.hash(token)).hasSize(64).doesNotContain(token.substring(5));
  }

  @Test
  void aTokenMatchesOnlyItsOwnHash() {
    String token = ApiTokens.newToken();
    String hash = ApiTokens.hash(token);

    assertThat(ApiTokens.matches(token, hash)).isTrue();
    assertThat(ApiTokens.matches(ApiTokens.newToken(), hash)).isFalse();
    assertThat(ApiTokens.matches(token + "x", hash)).isFalse();
    assertThat(ApiTokens.matches(token, hash.substring(0, 63))).isFalse();
    assertThat(ApiTokens.matches(token, "")).isFalse();
  }

  /** Comparing with String.equals would return sooner the earlier the hashes differ. */
  @Test
  void hashesAreComparedInConstantTime() {
    classes()
        .that()
        .haveSimpleName("ApiTokens")
        .should()
        .callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
        .check(new ClassFileImporter().importClasses(ApiTokens.class));
  }
}
