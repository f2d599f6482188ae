package dev.mediagen.cli;

import dev.mediagen.io.GifWriter;
import dev.mediagen.io.ImageFiles;
import dev.mediagen.io.Json;
import dev.mediagen.world.Checker;
import dev.mediagen.world.Reading;
import dev.mediagen.world.Video;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mediagen check FILE}: what the analytic checker reads from an image or a GIF. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Read a ShapesWorld image (.png) or clip (.gif) back with the analytic checker:",
      "background, and per object colour, shape, size, texture, region and motion.",
      "Frames enlarged by an integer factor (as `generate --scale` writes them) are reduced first."
    })
final class CheckCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "a .png or .gif file")
  Path file;

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Option(names = "--canvas", defaultValue = "32", description = "the world's canvas size in pixels (default: ${DEFAULT-VALUE})")
  int canvas;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) throw new NoSuchFileException(file + " does not exist");
    String name = file.getFileName().toString().toLowerCase();
    List<BufferedImage> frames;
    if (name.endsWith(".gif")) frames = GifWriter.readFrames(file);
    else if (name.endsWith(".png")) frames = List.of(ImageFiles.readImage(file));
    else throw new IllegalArgumentException("cannot check %s: expected a .png or .gif file".formatted(file));
    List<BufferedImage> reduced = new ArrayList<>();
    for (BufferedImage f : frames) reduced.add(reduce(f, canvas));
    Reading r = new Checker().read(Video.of(reduced));
    if (json) {
      System.out.println(Json.toJson(r));
    } else {
      System.out.printf("frames %d, background %s, %d objects%n", r.frames(),
          dev.mediagen.world.Palette.backgroundName(r.background()), r.objects().size());
      for (var o : r.objects()) {
        System.out.printf("  %-8s %-8s %-5s %-7s %-12s motion %s%n", dev.mediagen.world.Palette.objectName(o.colour()),
            o.shape(), o.size(), o.texture(), o.region(), o.motion());
      }
    }
    return 0;
  }

  /** Nearest-neighbour reduction of an image enlarged by an integer factor back to {@code canvas}. */
  static BufferedImage reduce(BufferedImage img, int canvas) {
    int w = img.getWidth(), h = img.getHeight();
    if (w == canvas && h == canvas) return img;
    if (w != h || w % canvas != 0) {
      throw new IllegalArgumentException(
          "image is %dx%d; expected a square multiple of the %d-pixel canvas (see --canvas)".formatted(w, h, canvas));
    }
    int k = w / canvas;
    BufferedImage out = new BufferedImage(canvas, canvas, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < canvas; y++) {
      for (int x = 0; x < canvas; x++) out.setRGB(x, y, img.getRGB(x * k + k / 2, y * k + k / 2));
    }
    return out;
  }
}
