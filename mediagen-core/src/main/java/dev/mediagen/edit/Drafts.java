package dev.mediagen.edit;

import dev.mediagen.world.Captioner;
import dev.mediagen.world.ColourShape;
import dev.mediagen.world.Palette;
import dev.mediagen.world.Region;
import dev.mediagen.world.Renderer;
import dev.mediagen.world.Scene;
import dev.mediagen.world.SceneObject;
import dev.mediagen.world.ShapeKind;
import dev.mediagen.world.SizeKind;
import dev.mediagen.world.Split;
import dev.mediagen.world.Texture;
import dev.mediagen.world.Video;
import dev.mediagen.world.WorldConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds one task's source/target pair from a source scene (see {@link EditTasks} for the
 * definitions). Returns null when the scene does not allow the task (e.g. ADD on a full scene, TEXT
 * without digits); the caller draws another scene.
 */
final class Drafts {
  /** A task instance before its instruction is written. */
  record Draft(
      Video sourceImage,
      Scene targetScene,
      Video targetImage,
      EditFocus focus,
      String variant,
      Map<String, String> slots) {}

  private final WorldConfig world;

  Drafts(WorldConfig world) {
    this.world = world;
  }

  Draft make(EditTask task, Scene s, SplittableRandom rng, Split split) {
    Video image = Renderer.render(s);
    int n = s.objects().size();
    int i = n == 0 ? -1 : rng.nextInt(n);
    if (i < 0 && task != EditTask.BACKGROUND && task != EditTask.ADD && task != EditTask.TEXT) {
      return null;
    }
    return switch (task) {
      case BACKGROUND -> {
        int bg = other(s.background(), Palette.backgrounds(), rng);
        Scene t = SceneEdits.background(s, bg);
        yield scene(
            image,
            t,
            new EditFocus(Set.of(), Set.of(), true, false),
            "background",
            Map.of("bg", Palette.backgroundName(bg)));
      }
      case LOCAL -> {
        SceneObject o = s.objects().get(i);
        List<Integer> colours = new ArrayList<>();
        for (int c = 0; c < Palette.objectColours(); c++) {
          if (c != o.colour() && allowed(c, o.shape(), split)) {
            colours.add(c);
          }
        }
        int c = ObjectRefs.pick(colours, rng);
        yield scene(
            image,
            SceneEdits.recolour(s, i, c),
            EditFocus.object(i, i),
            "local",
            Map.of("ref", ObjectRefs.describe(s, i, rng), "colour", Palette.objectName(c)));
      }
      case GLOBAL -> {
        List<Integer> colours = new ArrayList<>();
        for (int c = 0; c < Palette.objectColours(); c++) {
          boolean changes = false;
          boolean ok = true;
          for (SceneObject o : s.objects()) {
            changes |= o.colour() != c;
            ok &= allowed(c, o.shape(), split);
          }
          if (changes && ok) {
            colours.add(c);
          }
        }
        if (colours.isEmpty()) {
          yield null;
        }
        int c = ObjectRefs.pick(colours, rng);
        yield scene(
            image,
            SceneEdits.recolourAll(s, c),
            EditFocus.all(n, false, false),
            "global",
            Map.of("colour", Palette.objectName(c)));
      }
      case TEXTURE -> {
        Texture t = flip(s.objects().get(i).texture());
        yield scene(
            image,
            SceneEdits.retexture(s, i, t),
            EditFocus.object(i, i),
            "texture." + t.name().toLowerCase(),
            Map.of("ref", ObjectRefs.describe(s, i, rng)));
      }
      case STYLE -> {
        List<Texture> options = new ArrayList<>();
        for (Texture t : Texture.values()) {
          if (s.objects().stream().anyMatch(o -> o.texture() != t)) {
            options.add(t);
          }
        }
        Texture t = ObjectRefs.pick(options, rng);
        yield scene(
            image,
            SceneEdits.retextureAll(s, t),
            EditFocus.all(n, false, false),
            "style." + t.name().toLowerCase(),
            Map.of());
      }
      case REMOVE ->
          scene(
              image,
              SceneEdits.remove(s, i),
              EditFocus.object(i, -1),
              "remove",
              Map.of("ref", ObjectRefs.describe(s, i, rng)));
      case ADD -> add(s, image, rng, split);
      case TEXT -> {
        if (s.text() == null) {
          yield null;
        }
        String old = s.text().digits();
        String digits;
        do {
          digits = old.length() == 1 ? "" + rng.nextInt(10) : "%02d".formatted(rng.nextInt(100));
        } while (digits.equals(old));
        yield scene(
            image,
            SceneEdits.relabel(s, digits),
            new EditFocus(Set.of(), Set.of(), false, true),
            "text",
            Map.of("old", old, "new", digits));
      }
      case MIRROR ->
          scene(
              image,
              SceneEdits.mirror(s),
              EditFocus.all(n, false, s.text() != null),
              "mirror",
              Map.of());
      case EDGES_TO_IMAGE ->
          new Draft(
              ImageOps.map(ImageOps.edges(image), s.width(), s.height()),
              s,
              image,
              EditFocus.all(n, true, true),
              "edges_to_image",
              Map.of("caption", Captioner.caption(s, rng)));
      case DETECT ->
          new Draft(
              image,
              null,
              ImageOps.drawBox(image, ImageOps.objectBox(s, i)),
              EditFocus.object(i, -1),
              "detect",
              Map.of("ref", ObjectRefs.describe(s, i, rng)));
      case SEGMENT ->
          new Draft(
              image,
              null,
              ImageOps.map(ImageOps.objectMask(s, i), s.width(), s.height()),
              EditFocus.object(i, -1),
              "segment",
              Map.of("ref", ObjectRefs.describe(s, i, rng)));
      case COLOR -> {
        ColourOp op = ColourOp.values()[rng.nextInt(ColourOp.values().length)];
        yield new Draft(
            image,
            null,
            op.apply(image),
            EditFocus.all(n, true, s.text() != null),
            "color." + op.id(),
            Map.of());
      }
      case IMAGE_TO_EDGES ->
          new Draft(
              image,
              null,
              ImageOps.map(ImageOps.edges(image), s.width(), s.height()),
              EditFocus.all(n, true, s.text() != null),
              "image_to_edges",
              Map.of());
      case CONTOUR ->
          new Draft(
              image,
              null,
              ImageOps.map(ImageOps.contours(s), s.width(), s.height()),
              EditFocus.all(n, false, false),
              "contour",
              Map.of());
      case SUPER_RESOLUTION ->
          new Draft(
              ImageOps.pixelate(image),
              null,
              image,
              EditFocus.all(n, true, s.text() != null),
              "super_resolution",
              Map.of());
    };
  }

  /** ADD: a new object of an allowed colour×shape in a free region where it fits. */
  private Draft add(Scene s, Video image, SplittableRandom rng, Split split) {
    if (s.objects().size() >= WorldConfig.MAX_OBJECTS) {
      return null;
    }
    boolean[] used = SceneEdits.occupied(s);
    List<Region> free = new ArrayList<>();
    for (Region r : Region.values()) {
      if (!used[r.ordinal()]) {
        free.add(r);
      }
    }
    for (int attempt = 0; attempt < 10; attempt++) {
      ShapeKind shape = ShapeKind.values()[rng.nextInt(ShapeKind.values().length)];
      int colour = rng.nextInt(Palette.objectColours());
      if (!allowed(colour, shape, split)) {
        continue;
      }
      SizeKind size = SizeKind.values()[rng.nextInt(SizeKind.values().length)];
      Texture texture =
          rng.nextDouble() < world.stripedProbability() ? Texture.STRIPED : Texture.SOLID;
      Region region = ObjectRefs.pick(free, rng);
      SceneObject o = SceneEdits.place(s, rng, shape, colour, size, texture, region);
      if (o != null) {
        int n = s.objects().size();
        return scene(
            image,
            SceneEdits.add(s, o),
            new EditFocus(Set.of(), Set.of(n), false, false),
            "add",
            Map.of("obj", ObjectRefs.newObject(o, rng), "where", ObjectRefs.where(region, rng)));
      }
    }
    return null;
  }

  /** Whether a target may hold colour×shape in this split (held-out combos only in TEST_UNSEEN). */
  private boolean allowed(int colour, ShapeKind shape, Split split) {
    return split == Split.TEST_UNSEEN || !world.isHeldOut(new ColourShape(colour, shape));
  }

  private static Draft scene(
      Video image, Scene target, EditFocus focus, String variant, Map<String, String> slots) {
    return new Draft(image, target, Renderer.render(target), focus, variant, slots);
  }

  private static int other(int current, int count, SplittableRandom rng) {
    int k = rng.nextInt(count - 1);
    return k >= current ? k + 1 : k;
  }

  private static Texture flip(Texture t) {
    return t == Texture.SOLID ? Texture.STRIPED : Texture.SOLID;
  }
}
