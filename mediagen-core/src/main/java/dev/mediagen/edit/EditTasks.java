package dev.mediagen.edit;

import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneSampler;
import dev.mediagen.world.Split;
import dev.mediagen.world.WorldConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples Emu Edit-style examples ({@link EditExample}) of every {@link EditTask} on ShapesWorld
 * images (one frame at the world's canvas size). Source scenes come from the world's {@link
 * SceneSampler} for the requested split; TEXT sources always carry digits.
 *
 * <p>Targets (all exact):
 *
 * <ul>
 *   <li>BACKGROUND: another background colour. LOCAL: one object recoloured to a different colour.
 *       TEXTURE: one object solid↔striped. REMOVE: one object deleted (a one-object scene becomes
 *       bare background, a valid target). ADD: a new object (size, colour, texture, shape named) in
 *       a free region where it keeps the world's gaps; sources already holding {@code
 *       WorldConfig.MAX_OBJECTS} objects are redrawn.
 *   <li>GLOBAL: every object recoloured to one colour that at least one object lacks. STYLE: every
 *       object striped, or every object solid, whichever changes at least one. TEXT: the digits
 *       replaced by different ones of the same length. MIRROR (held out): the scene mirrored
 *       left↔right ({@link SceneEdits#mirror}).
 *   <li>DETECT: the source with a {@link ImageOps#BOX_RGB} rectangle around the named object.
 *       SEGMENT: the named object's pixels white, all else black. IMAGE_TO_EDGES: the edge map
 *       ({@link ImageOps#edges}). EDGES_TO_IMAGE: source = that edge map, target = the render,
 *       instruction = a world caption. COLOR: a {@link ColourOp}. CONTOUR (held out): 1-px object
 *       outlines. SUPER_RESOLUTION (held out): source = ×2 average-pooled render shown at full
 *       size, target = the render.
 * </ul>
 *
 * <p>Objects are named by a referring expression that fits only them. Edited scenes respect the
 * split: outside TEST_UNSEEN no edit creates a held-out colour×shape combination. <b>No-op
 * avoidance:</b> an example is redrawn when its target image equals the source image or when the
 * unedited source already passes the task's success test ({@link EditMetrics}) — e.g. a mirror of a
 * symmetric layout, or segmenting the only object when it is white on black.
 */
public final class EditTasks {
  private static final int ATTEMPTS = 500;

  private final WorldConfig world;
  private final SceneSampler scenes;
  private final SceneSampler textScenes;
  private final Drafts drafts;
  private final EditMetrics metrics = new EditMetrics();

  public EditTasks(WorldConfig world) {
    this.world = world;
    this.scenes = new SceneSampler(world);
    this.textScenes = new SceneSampler(world.withTextProbability(1.0));
    this.drafts = new Drafts(world);
  }

  /** Tasks on the project's default world (32 px). */
  public static EditTasks defaults() {
    return new EditTasks(WorldConfig.defaults());
  }

  public WorldConfig world() {
    return world;
  }

  /** A random example of {@code task} from {@code split}, phrased for that split. */
  public EditExample sample(EditTask task, SplittableRandom rng, Split split) {
    return sample(task, rng, split, Phrasing.forSplit(split));
  }

  /**
   * A random example of {@code task} from {@code split} with instructions from {@code phrasing}.
   */
  public EditExample sample(EditTask task, SplittableRandom rng, Split split, Phrasing phrasing) {
    SceneSampler sampler = task == EditTask.TEXT ? textScenes : scenes;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Scene source = sampler.sampleImage(rng, split);
      Drafts.Draft d = drafts.make(task, source, rng, split);
      if (d == null || d.targetImage().equals(d.sourceImage())) {
        continue;
      }
      String instruction = Instructions.write(d.variant(), d.slots(), phrasing, rng);
      EditExample ex =
          new EditExample(
              task,
              source,
              d.sourceImage(),
              d.targetImage(),
              instruction,
              d.targetScene(),
              d.focus(),
              d.variant());
      if (!metrics.score(ex, ex.sourceImage()).success()) {
        return ex;
      }
    }
    throw new IllegalStateException(
        "no valid %s example in %d draws on a %d px world".formatted(task, ATTEMPTS, world.size()));
  }

  /**
   * A fixed set of {@code n} examples of {@code task}: example {@code i} depends only on (seed,
   * task, split, i), so a shorter set is a prefix of a longer one.
   */
  public List<EditExample> testSet(EditTask task, Split split, int n, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("test set size %d must be >= 0".formatted(n));
    }
    List<EditExample> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long s =
          seed * 0x9E3779B97F4A7C15L
              + task.ordinal() * 0xD1B54A32D192ED03L
              + split.ordinal() * 0xBF58476D1CE4E5B9L
              + i;
      out.add(sample(task, new SplittableRandom(s), split));
    }
    return out;
  }
}
