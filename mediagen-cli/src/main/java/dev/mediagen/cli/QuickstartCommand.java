package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.flow.OdeSolver;
import dev.mediagen.io.GifWriter;
import dev.mediagen.io.Grids;
import dev.mediagen.io.ImageFiles;
import dev.mediagen.io.Json;
import dev.mediagen.video.EvalVideo;
import dev.mediagen.video.SamplingOptions;
import dev.mediagen.video.VideoCheckpoint;
import dev.mediagen.video.VideoGenerator;
import dev.mediagen.world.Video;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediagen quickstart}: the main job on the shipped checkpoint, in a few minutes. */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a gallery of sample prompts (images and videos) with the shipped text-to-video checkpoint,",
      "evaluate a sample of the test split with the checker and write an HTML report."
    })
final class QuickstartCommand implements Callable<Integer> {
  static final List<String> IMAGE_PROMPTS = List.of(
      "a large red circle in the top left corner on a black background",
      "a small blue square in the center on a gray background",
      "a large green triangle at the bottom right on a navy background",
      "two objects on a black background: a yellow circle on the left and a magenta square on the right",
      "a large striped orange square at the top on a black background",
      "a small cyan circle at the bottom left on a gray background",
      "a large red triangle in the center on a gray background",
      "three objects on a black background: a small red square at the top left; a large green circle in the center; a small blue triangle at the bottom right");
  static final List<String> VIDEO_PROMPTS = List.of(
      "a large red circle on the left moving right on a black background",
      "a small green square at the top moving down on a gray background",
      "a large blue triangle in the center bouncing horizontally on a navy background",
      "a yellow circle at the bottom right moving up on a black background");

  @Option(names = "--out", defaultValue = "out/quickstart", description = "output directory (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--checkpoint", description = "checkpoint directory (default: models/t2v-small)")
  Path checkpoint;

  @Option(names = "--images", defaultValue = "48", description = "test images per section (default: ${DEFAULT-VALUE})")
  int images;

  @Option(names = "--videos", defaultValue = "8", description = "test videos per section (default: ${DEFAULT-VALUE})")
  int videos;

  @Option(names = "--steps", defaultValue = "30", description = "ODE steps (default: ${DEFAULT-VALUE})")
  int steps;

  /** The tasks of the quickstart's edit gallery. */
  static final List<dev.mediagen.edit.EditTask> EDIT_TASKS = List.of(dev.mediagen.edit.EditTask.BACKGROUND, dev.mediagen.edit.EditTask.LOCAL,
      dev.mediagen.edit.EditTask.REMOVE, dev.mediagen.edit.EditTask.ADD, dev.mediagen.edit.EditTask.TEXTURE, dev.mediagen.edit.EditTask.SEGMENT);

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    Path ckpt = checkpoint == null ? Paths.defaultVideoCheckpoint() : checkpoint;
    Files.createDirectories(out);
    System.err.println("mediagen: quickstart with " + ckpt + " -> " + out.toAbsolutePath());
    try (NDManager m = NDManager.newBaseManager();
        VideoGenerator gen = VideoGenerator.load(ckpt, m, 32)) {
      int size = gen.config().model().sizes().get(0);
      int frames = gen.config().model().maxFrames();
      int fps = gen.config().model().fps().get(gen.config().model().fps().size() - 1);
      List<Video> imgs = gen.generate(IMAGE_PROMPTS, SamplingOptions.defaults(size, 1, fps, 1).withSteps(steps, "lq"), null);
      List<BufferedImage> tiles = imgs.stream().map(v -> v.frame(0)).toList();
      ImageFiles.writePng(Grids.grid(tiles, IMAGE_PROMPTS, 4, 4, 4, Color.DARK_GRAY), out.resolve("images.png"));
      List<Video> clips = gen.generate(VIDEO_PROMPTS, SamplingOptions.defaults(size, frames, fps, 1).withSteps(steps, "lq"), null);
      List<List<BufferedImage>> frameLists = new ArrayList<>();
      for (Video v : clips) frameLists.add(v.images());
      GifWriter.write(Grids.videoGrid(frameLists, VIDEO_PROMPTS, 2, 4, 4, Color.DARK_GRAY), fps, out.resolve("videos.gif"));
      System.err.println("mediagen: gallery written: " + out.resolve("images.png") + ", " + out.resolve("videos.gif"));
      upsampleGallery(clips, fps);
    }
    editGallery();
    Map<String, Object> doc =
        EvalCommand.run(ckpt, new EvalVideo.Options(images, videos, steps, "lq", 4f, 2024), out.resolve("report"), 24);
    Json.write(out.resolve("eval.json"), doc);
    System.out.println(Json.toJson(Map.of("seen", doc.get("seen"), "unseen", doc.get("unseen"))));
    System.out.printf("quickstart done in %.0f s:%n  gallery  %s%n  report   %s%n  metrics  %s%n",
        (System.nanoTime() - t0) / 1e9, out.resolve("images.png").toAbsolutePath(),
        out.resolve("report").resolve("index.html").toAbsolutePath(), out.resolve("eval.json").toAbsolutePath());
    return 0;
  }

  /** The video gallery ×2 through the shipped spatial upsampler, when there is one of this size. */
  private void upsampleGallery(List<Video> clips, int fps) throws IOException {
    Path ups = UpsampleCommand.defaultCheckpoint();
    if (!Files.isRegularFile(ups.resolve(VideoCheckpoint.CONFIG))) return;
    try (NDManager m = NDManager.newBaseManager();
        VideoGenerator up = VideoGenerator.load(ups, m, 8)) {
      int target = up.config().model().sizes().get(0);
      if (target != 2 * clips.get(0).width()) return;
      List<Video> high = up.upsample(clips, VIDEO_PROMPTS,
          new SamplingOptions(target, clips.get(0).frames(), fps, UpsampleCommand.STEPS, UpsampleCommand.GUIDANCE, "lq", OdeSolver.Method.EULER, 0),
          0, 0, null);
      List<List<BufferedImage>> frameLists = new ArrayList<>();
      for (Video v : high) frameLists.add(v.images());
      GifWriter.write(Grids.videoGrid(frameLists, VIDEO_PROMPTS, 2, 4, 2, Color.DARK_GRAY), fps, out.resolve("videos-x2.gif"));
      System.err.println("mediagen: upsampled ×2 with " + ups + ": " + out.resolve("videos-x2.gif"));
    }
  }

  /** Six held-out edits, one per task, through the shipped Emu Edit model: source | edit | exact target. */
  private void editGallery() throws IOException {
    Path ck = EditCommand.defaultCheckpoint();
    if (!Files.isRegularFile(ck.resolve(VideoCheckpoint.CONFIG))) return;
    try (NDManager m = NDManager.newBaseManager();
        dev.mediagen.edit.EditGenerator gen = dev.mediagen.edit.EditGenerator.load(ck, m)) {
      var tasks = new dev.mediagen.edit.EditTasks(gen.config().world());
      List<dev.mediagen.edit.EditExample> ex = new ArrayList<>();
      for (var t : EDIT_TASKS) ex.add(tasks.testSet(t, dev.mediagen.world.Split.TEST_SEEN, 1, 2024).get(0));
      List<Video> edited = gen.edit(ex.stream().map(dev.mediagen.edit.EditExample::sourceImage).toList(),
          ex.stream().map(dev.mediagen.edit.EditExample::instruction).toList(), java.util.Collections.nCopies(ex.size(), null),
          dev.mediagen.edit.EditGenerator.Options.defaults());
      List<BufferedImage> tiles = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < ex.size(); i++) {
        tiles.addAll(List.of(ex.get(i).sourceImage().frame(0), edited.get(i).frame(0), ex.get(i).targetImage().frame(0)));
        labels.addAll(List.of(ex.get(i).instruction(), "edit (task predicted)", "target"));
      }
      ImageFiles.writePng(Grids.grid(tiles, labels, 3, 4, 4, Color.DARK_GRAY), out.resolve("edits.png"));
      System.err.println("mediagen: six held-out edits with " + ck + ": " + out.resolve("edits.png"));
    }
  }
}
