package uk.gov.tfwh.api.web.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.gov.tfwh.api.web.access.PageViewer;

/**
 * The methodology, the validation rules and the data dictionary as pages: the documents in docs/
 * (their one home, copied into the jar by the build) rendered with GOV.UK styles. Links between
 * them go to their pages; raw HTML in a document is shown as text, never run.
 */
@Controller
public class DocumentPages {
  /** Each page's address, its title and its document. */
  public enum Document {
    METHODOLOGY("/methodology", "Methodology: how each figure is computed", "methodology.md"),
    RULES("/rules", "Validation rules", "rules.md"),
    DATA_DICTIONARY("/data-dictionary", "Data dictionary", "data-dictionary.md");

    private final String path;
    private final String title;
    private final String file;

    Document(String path, String title, String file) {
      this.path = path;
      this.title = title;
      this.file = file;
    }

    public String path() {
      return path;
    }

    public String title() {
      return title;
    }
  }

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .attributeProviderFactory(context -> new GovukAttributes())
          .build();

  private final Map<Document, String> html =
      Map.of(
          Document.METHODOLOGY, render(Document.METHODOLOGY),
          Document.RULES, render(Document.RULES),
          Document.DATA_DICTIONARY, render(Document.DATA_DICTIONARY));

  @GetMapping("/methodology")
  public String methodology(@ModelAttribute("viewer") PageViewer viewer, Model model) {
    return page(Document.METHODOLOGY, model);
  }

  @GetMapping("/rules")
  public String rules(@ModelAttribute("viewer") PageViewer viewer, Model model) {
    return page(Document.RULES, model);
  }

  @GetMapping("/data-dictionary")
  public String dataDictionary(@ModelAttribute("viewer") PageViewer viewer, Model model) {
    return page(Document.DATA_DICTIONARY, model);
  }

  private String page(Document document, Model model) {
    model.addAttribute("document", document);
    model.addAttribute("documents", Document.values());
    model.addAttribute("html", html.get(document));
    return "web/document";
  }

  private static String render(Document document) {
    try (InputStream in = DocumentPages.class.getResourceAsStream("/documents/" + document.file)) {
      if (in == null) {
        throw new IllegalStateException(
            "the build did not copy docs/" + document.file + " into the jar");
      }
      Node root = PARSER.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return RENDERER.render(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read docs/" + document.file, e);
    }
  }

  /** GOV.UK classes on what the documents use, and their links to one another as pages. */
  private static final class GovukAttributes implements AttributeProvider {
    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (node instanceof Heading heading) {
        attributes.put(
            "class",
            switch (heading.getLevel()) {
              case 1 -> "govuk-heading-l";
              case 2 -> "govuk-heading-m";
              default -> "govuk-heading-s";
            });
      } else if (node instanceof Paragraph
          && !(node.getParent() instanceof org.commonmark.node.ListItem)) {
        attributes.put("class", "govuk-body");
      } else if (node instanceof BulletList) {
        attributes.put("class", "govuk-list govuk-list--bullet");
      } else if (node instanceof OrderedList) {
        attributes.put("class", "govuk-list govuk-list--number");
      } else if (node instanceof TableBlock) {
        attributes.put("class", "govuk-table");
      } else if (node instanceof Link link) {
        attributes.put("class", "govuk-link");
        attributes.put("href", pageOf(link.getDestination()));
      } else if (tagName.equals("th")) {
        attributes.put("class", "govuk-table__header");
      } else if (tagName.equals("td")) {
        attributes.put("class", "govuk-table__cell");
      } else if (tagName.equals("tr")) {
        attributes.put("class", "govuk-table__row");
      }
    }

    /** A link to another document goes to its page; a link into the repository is left as it is. */
    private static String pageOf(String destination) {
      for (Document document : Document.values()) {
        String file = document.file;
        if (destination.equals(file) || destination.startsWith(file + "#")) {
          return document.path + destination.substring(file.length());
        }
      }
      return destination;
    }
  }
}
