package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that go wrong before any resource of ours sees them (issue 17, finding 14): refused by
 * the firewall, unknown paths, Spring's own {@code /error}, a header over the limit. Each answer is
 * a problem+json with the security headers, sent over a raw socket so that nothing is normalised on
 * the way, and an unknown path under {@code /api/v1} is a 404 for everyone.
 */
class ErrorsOutsideHandlersTest extends RealHttpTest {

  record Case(String name, String target, String extraHeader, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case("matrix parameter", "/api/v1/periods;jsessionid=x", null, 400),
        new Case("double slash", "/api//v1/periods", null, 400),
        new Case("encoded null", "/api/v1/periods%00", null, 400),
        new Case("encoded slash", "/api/v1/authorities/E10000016%2Fprogress?phase=1", null, 400),
        new Case("the error path itself", "/error", null, 404),
        new Case("upper-case API", "/API/v1/periods", null, 404),
        new Case("unknown API path", "/api/v1/nothing-here", null, 404),
        new Case("unknown page", "/nothing-here", null, 404),
        new Case("header over the limit", "/api/v1/periods", "X-Big: " + "a".repeat(20_000), 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyErrorIsAProblemWithTheSecurityHeaders(Case c) throws IOException {
    for (String token : new String[] {null, AccessFixture.token("national")}) {
      String response = raw(c.target(), c.extraHeader(), token);
      String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);

      assertThat(head)
          .as(c.name() + ", token " + (token != null))
          .startsWith("HTTP/1.1 " + c.status());
      assertThat(head.toLowerCase())
          .contains("content-type: application/problem+json")
          .contains("x-content-type-options: nosniff")
          .contains("x-frame-options: deny")
          .contains("content-security-policy:")
          .doesNotContain("set-cookie")
          .doesNotContain("location:");
      assertThat(body).contains("\"status\":" + c.status()).doesNotContain("999");
    }
  }

  private String raw(String target, String extraHeader, String token) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      StringBuilder request =
          new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      request.append("Accept: application/json\r\nConnection: close\r\n");
      if (token != null) {
        request.append("Authorization: Bearer ").append(token).append("\r\n");
      }
      if (extraHeader != null) {
        request.append(extraHeader).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
