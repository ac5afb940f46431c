package uk.gov.tfwh.api.serving;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The query parameters the API's resources read, taken from their own {@code @RequestParam}
 * declarations: so the cache of served responses keys on exactly what can change an answer, and a
 * new parameter of a new resource is part of it without a change here.
 */
final class ReadParameters {
  private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

  private ReadParameters() {}

  static Set<String> of(RequestMappingHandlerMapping mappings) {
    Set<String> names = new TreeSet<>();
    for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
      for (MethodParameter parameter : handler.getMethodParameters()) {
        parameter.initParameterNameDiscovery(NAMES);
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
          String name = !param.name().isEmpty() ? param.name() : param.value();
          if (name.isEmpty()) {
            name = parameter.getParameterName();
          }
          if (name != null) {
            names.add(name);
          }
        }
      }
    }
    return Set.copyOf(names);
  }
}
