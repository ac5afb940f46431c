package uk.gov.tfwh.exports.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Every page of a PDF as a PNG, rendered by PDFBox (the docs' pictures of the profile). */
public final class PageImages {
  private PageImages() {}

  public static List<byte[]> png(byte[] pdf, int dpi) {
    System.setProperty("java.awt.headless", "true");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      List<byte[]> pages = new ArrayList<>();
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        pages.add(out.toByteArray());
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the pages", e);
    }
  }
}
