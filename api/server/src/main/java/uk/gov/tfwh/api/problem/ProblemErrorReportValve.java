package uk.gov.tfwh.api.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import uk.gov.tfwh.api.access.HandWrittenResponses;

/**
 * What Tomcat answers itself, before any filter of ours runs (a request whose headers are over the
 * size limit, say): a problem+json with the security headers, like every other error of the
 * service, instead of Tomcat's HTML page.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {
  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      HandWrittenResponses.secure(response, HandWrittenResponses.API_CONTENT_SECURITY_POLICY);
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            "{\"type\":\"about:blank\",\"title\":\""
                + (status == 400 ? "Bad Request" : "Error")
                + "\",\"status\":"
                + status
                + ",\"detail\":\"the request was refused before it reached the service (headers"
                + " over the size limit, or a request the server cannot read)\"}");
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is going: nothing more can be said on it.
    }
  }
}
