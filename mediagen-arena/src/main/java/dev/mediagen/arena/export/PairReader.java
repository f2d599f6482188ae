package dev.mediagen.arena.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediagen.pickscore.PreferencePair;
import dev.mediagen.world.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Reads a jsonl export ({@code ./mediagen arena export --format jsonl}) back as PickScore training pairs. */
public final class PairReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PairReader() {}

  /**
   * The labelled rows of {@code dir/<split>.jsonl} with their images from {@code dir/images}.
   *
   * @param split train, validation, test, validation_unique or test_unique
   */
  public static List<PreferencePair> jsonl(Path dir, String split) throws IOException {
    Path file = dir.resolve(split + ".jsonl");
    if (!Files.isRegularFile(file)) throw new IOException("no %s in %s (export with --format jsonl)".formatted(file.getFileName(), dir));
    List<PreferencePair> out = new ArrayList<>();
    int line = 0;
    for (String s : Files.readAllLines(file)) {
      line++;
      if (s.isBlank()) continue;
      JsonNode r = MAPPER.readTree(s);
      if (!r.path("has_label").asBoolean(true)) continue;
      try {
        out.add(new PreferencePair(r.get("caption").asText(), image(dir, r.get("image_0_uid").asText()), image(dir, r.get("image_1_uid").asText()),
            (float) r.get("label_0").asDouble(), r.get("num_example_per_prompt").asInt(), r.path("model_0").asText(null), r.path("model_1").asText(null)));
      } catch (RuntimeException e) {
        throw new IOException("%s line %d: %s".formatted(file, line, e.getMessage()), e);
      }
    }
    return out;
  }

  private static Video image(Path dir, String uid) throws IOException {
    Path p = dir.resolve("images").resolve(uid + ".png");
    var img = ImageIO.read(p.toFile());
    if (img == null) throw new IOException("cannot read image " + p);
    return Video.of(List.of(img));
  }
}
