package dev.mediagen.video;

import dev.mediagen.io.GifWriter;
import dev.mediagen.io.HtmlReport;
import dev.mediagen.io.ImageFiles;
import dev.mediagen.io.Plots;
import dev.mediagen.world.Score;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The HTML report of a text-to-video evaluation: per-attribute bars and a gallery of scored samples. */
public final class EvalReport {
  private EvalReport() {}

  /** Writes {@code dir/index.html} with its pictures; shows at most {@code perSection} samples a section. */
  public static Path write(
      Path dir, String title, EvalVideo.Result r, Map<String, ?> facts, int perSection) throws IOException {
    Files.createDirectories(dir.resolve("samples"));
    Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
    bars.put("seen", r.seen().headline());
    bars.put("unseen", r.unseen().headline());
    Plots.groupedBar("Checker accuracy on the test split", "accuracy", bars, dir.resolve("accuracy.png"));
    HtmlReport html = new HtmlReport(title).keyValues(facts).image("accuracy.png", "per-attribute accuracy, seen vs unseen");
    List<String> header = List.of("section", "images", "videos", "colour", "shape", "count", "position", "motion",
        "size", "texture", "background", "overall");
    html.table(header, List.of(row("seen", r.seen()), row("unseen", r.unseen())));
    for (String section : List.of("seen", "unseen")) {
      html.heading(section + " samples");
      List<HtmlReport.Item> items = new ArrayList<>();
      int shown = 0;
      for (int i = 0; i < r.samples().size() && shown < perSection; i++) {
        EvalVideo.Sample s = r.samples().get(i);
        if (!s.section().equals(section)) continue;
        String name = "samples/%s-%03d%s".formatted(section, i, s.clip().frames() > 1 ? ".gif" : ".png");
        var frames = s.clip().images().stream().map(f -> ImageFiles.upscale(f, 4)).toList();
        if (frames.size() > 1) GifWriter.write(frames, s.truth().fps(), dir.resolve(name));
        else ImageFiles.writePng(frames.get(0), dir.resolve(name));
        items.add(new HtmlReport.Item(name, s.prompt() + " — " + verdict(s.score())));
        shown++;
      }
      html.gallery(items);
    }
    Path index = dir.resolve("index.html");
    html.write(index);
    return index;
  }

  private static List<String> row(String name, EvalVideo.Section s) {
    return List.of(name, Integer.toString(s.images()), Integer.toString(s.videos()), pct(s.colour()), pct(s.shape()),
        pct(s.count()), pct(s.position()), pct(s.motion()), pct(s.size()), pct(s.texture()), pct(s.background()),
        pct(s.overall()));
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** A short per-sample verdict such as {@code colour ✓ shape ✗ count ✓}. */
  static String verdict(Score s) {
    StringBuilder b = new StringBuilder();
    b.append("colour ").append(mark(s.colour())).append(" shape ").append(mark(s.shape()))
        .append(" count ").append(s.count() ? "✓" : "✗").append(" position ").append(mark(s.position()));
    if (s.hasMotion()) b.append(" motion ").append(mark(s.motion()));
    return b.toString();
  }

  private static String mark(double fraction) {
    return fraction >= 1 ? "✓" : fraction <= 0 ? "✗" : String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
  }
}
