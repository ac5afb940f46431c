package uk.gov.tfwh.api.web.login;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The GOV.UK sign-in page. Spring Security's form login (configured in {@code PageSecurity})
 * handles the posted form and {@code POST /logout}; this only shows the form.
 */
@Controller
public class LoginPage {

  @GetMapping("/login")
  public String login(@RequestParam(required = false) String error, Model model) {
    model.addAttribute("failed", error != null);
    return "web/login";
  }
}
