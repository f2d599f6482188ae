package dev.mediagen.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Captions for scenes. Every caption states, for every object: colour, shape, size, texture,
 * frame-0 region and (videos only) motion, plus the background colour; the object count is the
 * number of object clauses and some templates also say it ("two objects"). Objects appear in scene
 * order.
 *
 * <p>Word choices (see {@link Phrases}): circle = circle | disc | ball; square = square | box |
 * block; triangle = triangle; small = small | little; large = large | big; striped = "striped"
 * before the noun or "with stripes" after it; SOLID is "solid", "plain" or <em>no texture word</em>
 * (an object without a texture word is solid). Regions are phrases after the noun ("in the top left
 * corner", "on the left") or a label opening the clause ("top left: …"). Motion: "still", "moving
 * left", "drifting upward", "bouncing horizontally", … ; images never mention motion.
 *
 * <p>Visual text, when the scene has it, closes the caption: {@code with the text "37"}, {@code and
 * the number "5"}, {@code labelled "12"}, {@code with a sign reading "40"}.
 *
 * <p>Camera (scenes with a camera, {@link WorldConfig#hasCamera()}): a pan is always stated,
 * Movie-Gen style as a prefix ({@code "panning left: …"}, {@code "the camera pans left. …"}) or as
 * a suffix ({@code "…, the camera tilts up"}); a STATIC camera is stated the same ways ("static
 * camera", "the camera is still", …) or, in half the random captions, not at all. The canonical
 * caption ends with the first phrase ({@code ", the camera pans left"}, {@code ", static camera"}).
 * Captions of camera-free scenes are exactly the v1 captions.
 *
 * <p>There are 9 scene templates × 5 clause orders. Captions are lower case; "," ":" ";" "." and
 * the quote are separate tokens for {@link #tokens(String)} (each quoted digit is a token too) and
 * are written attached to the previous word. A random caption longer than {@value #MAX_WORDS} words
 * is redrawn, falling back to the canonical one (at most 39 words, 42 with text, 46 with text and a
 * camera; at most 53 tokens with punctuation, measured over 20,000 v2 scenes).
 */
public final class Captioner {
  /** Word budget of a caption (punctuation not counted). */
  public static final int MAX_WORDS = 40;

  /** The quote token around visual text. */
  public static final String QUOTE = "\"";

  private static final Set<String> PUNCTUATION = Set.of(",", ":", ";", ".", QUOTE);

  private Captioner() {}

  /** A random caption of {@code scene} drawn from all templates and synonyms. */
  public static String caption(Scene scene, SplittableRandom rng) {
    for (int attempt = 0; attempt < 8; attempt++) {
      List<String> words = randomCaption(scene, rng);
      if (scene.text() != null) {
        // visual text closes the caption: ', labelled "37"'
        if (rng.nextBoolean()) {
          words.add(",");
        }
        add(words, pick(Phrases.TEXT, rng) + " " + quoted(scene.text().digits()));
      }
      if (scene.camera() != null) {
        words = withCamera(words, scene.camera(), rng);
      }
      if (wordCount(words) <= MAX_WORDS) {
        return join(words);
      }
    }
    return canonical(scene);
  }

  /**
   * The one fixed caption of {@code scene}, used as the evaluation prompt, e.g. "two objects on a
   * black background: a large red striped circle at the top left moving right; a small blue solid
   * square in the center still".
   */
  public static String canonical(Scene scene) {
    List<String> w = new ArrayList<>();
    int n = scene.objects().size();
    add(w, countPhrase(n, 0));
    add(w, "on a " + Palette.backgroundName(scene.background()) + " background :");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        w.add(";");
      }
      w.addAll(clause(scene, scene.objects().get(i), 0, null));
    }
    if (scene.text() != null) {
      add(w, ", " + Phrases.TEXT.get(0) + " " + quoted(scene.text().digits()));
    }
    if (scene.camera() != null) {
      add(w, ", " + Phrases.CAMERA.get(scene.camera()).get(0));
    }
    return join(w);
  }

  /** Adds the camera phrase as a prefix or suffix; a STATIC camera is left out half the time. */
  private static List<String> withCamera(List<String> words, CameraMotion c, SplittableRandom r) {
    int style = r.nextInt(c.pans() ? 4 : 8);
    if (style >= 4) {
      return words;
    }
    List<String> phrase = tokens(pick(Phrases.CAMERA.get(c), r));
    List<String> out = new ArrayList<>();
    switch (style) {
      case 0 -> {
        out.addAll(phrase);
        out.add(":");
        out.addAll(words);
      }
      case 1 -> {
        out.addAll(phrase);
        out.add(".");
        out.addAll(words);
      }
      case 2 -> {
        out.addAll(words);
        out.add(",");
        out.addAll(phrase);
      }
      default -> {
        out.addAll(words);
        out.add(";");
        out.addAll(phrase);
      }
    }
    return out;
  }

  /**
   * Every token a caption of {@code world} can contain: {@link #vocabulary()}, plus the camera
   * words when the world has a camera. Build a new model's tokenizer from this.
   */
  public static Set<String> vocabulary(WorldConfig world) {
    Set<String> v = vocabulary();
    if (world.hasCamera()) {
      v.addAll(cameraVocabulary());
    }
    return v;
  }

  /** The tokens of the camera phrases. */
  public static Set<String> cameraVocabulary() {
    Set<String> v = new TreeSet<>();
    for (List<String> l : Phrases.CAMERA.values()) {
      for (String phrase : l) {
        v.addAll(tokens(phrase));
      }
    }
    return v;
  }

  /**
   * Every token a caption of a camera-free (v1) world can contain (words and the punctuation
   * tokens). Deliberately unchanged by v2: tokenizers of existing checkpoints are rebuilt from it,
   * so adding words here would shift their ids; see {@link #vocabulary(WorldConfig)}.
   */
  public static Set<String> vocabulary() {
    Set<String> v = new TreeSet<>();
    List<List<String>> lists = new ArrayList<>();
    for (Map<?, List<String>> m :
        List.<Map<?, List<String>>>of(
            Phrases.SHAPE,
            Phrases.SIZE,
            Phrases.TEXTURE_ADJ,
            Phrases.REGION,
            Phrases.REGION_LABEL,
            Phrases.MOTION)) {
      lists.addAll(m.values());
    }
    lists.addAll(
        List.of(
            Phrases.BOUNCE_HORIZONTAL,
            Phrases.BOUNCE_VERTICAL,
            Phrases.COUNT,
            Phrases.PLURAL,
            Phrases.SINGULAR,
            Phrases.TEXT,
            Phrases.QUOTED,
            Phrases.FILLER,
            Palette.objectNames(),
            Palette.backgroundNames(),
            List.of(Phrases.STRIPES_AFTER)));
    for (List<String> l : lists) {
      for (String phrase : l) {
        v.addAll(tokens(phrase));
      }
    }
    return v;
  }

  /**
   * Lower-cased word tokens of a caption: , : ; . and the quote are separate tokens, and so is
   * every digit ({@code "37"} gives the tokens {@code " 3 7 "}).
   */
  public static List<String> tokens(String caption) {
    String s =
        caption.toLowerCase(java.util.Locale.ROOT).replaceAll("([,:;.\"0-9])", " $1 ").trim();
    return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
  }

  /** Number of non-punctuation tokens. */
  public static int wordCount(List<String> tokens) {
    int n = 0;
    for (String t : tokens) {
      n += PUNCTUATION.contains(t) ? 0 : 1;
    }
    return n;
  }

  private static List<String> randomCaption(Scene scene, SplittableRandom r) {
    List<SceneObject> objs = scene.objects();
    int n = objs.size();
    boolean video = scene.isVideo();
    String bg = Palette.backgroundName(scene.background());
    int template = r.nextInt(9);
    List<String> w = new ArrayList<>();
    if (template == 3) {
      // location-first clauses: "navy background; top left: a big red circle with stripes, rising"
      add(w, bg + " background");
      for (SceneObject o : objs) {
        w.add(";");
        w.addAll(clause(scene, o, 4, r));
      }
      return w;
    }
    List<String> list = list(scene, r);
    switch (template) {
      case 0 -> {
        w.addAll(list);
        add(w, "on a " + bg + " background");
      }
      case 1 -> {
        add(w, "a " + bg + " background with");
        w.addAll(list);
      }
      case 2 -> {
        add(w, countPhrase(n, r.nextInt(2)) + " :");
        w.addAll(list);
        add(w, ". the background is " + bg);
      }
      case 4 -> {
        add(w, "on a " + bg + " background ,");
        w.addAll(list);
      }
      case 5 -> {
        add(
            w,
            (n == 1 ? "there is " : "there are ")
                + countPhrase(n, r.nextInt(2))
                + " on "
                + bg
                + " :");
        w.addAll(list);
      }
      case 6 -> {
        List<String> what = video ? List.of("a video", "a clip") : List.of("an image", "a picture");
        add(w, pick(what, r) + " of");
        w.addAll(list);
        add(w, "on a " + bg + " background");
      }
      case 7 -> {
        add(w, countPhrase(n, r.nextInt(2)) + " on a " + bg + " background :");
        w.addAll(list);
      }
      default -> {
        w.addAll(list);
        add(w, ", " + bg + " background");
      }
    }
    return w;
  }

  /** Object clauses joined as "A and B", "A, B and C" or "A; B; C". */
  private static List<String> list(Scene scene, SplittableRandom r) {
    List<SceneObject> objs = scene.objects();
    boolean semicolons = r.nextInt(4) == 0;
    List<String> w = new ArrayList<>();
    for (int i = 0; i < objs.size(); i++) {
      if (i > 0) {
        w.add(semicolons ? ";" : i == objs.size() - 1 ? "and" : ",");
      }
      w.addAll(clause(scene, objs.get(i), r.nextInt(4), r));
    }
    return w;
  }

  /**
   * One object clause. Styles: 0 "a large red striped circle at the top left moving right", 1 "a
   * large red circle with stripes …", 2 motion before position, 3 "a large striped red circle …", 4
   * "top left: a large red circle with stripes, moving right". {@code r == null} gives the
   * canonical words.
   */
  private static List<String> clause(Scene scene, SceneObject o, int style, SplittableRandom r) {
    boolean video = scene.isVideo();
    boolean striped = o.texture() == Texture.STRIPED;
    boolean stripesAfter = striped && (style == 1 || style == 4);
    String tex = stripesAfter ? "" : textureAdjective(o.texture(), r);
    String size = pick(Phrases.SIZE.get(o.size()), r);
    String colour = Palette.objectName(o.colour());
    String adjectives =
        style == 3 ? size + " " + tex + " " + colour : size + " " + colour + " " + tex;
    String noun = pick(Phrases.SHAPE.get(o.shape()), r);
    String motion = video ? pick(Phrases.motion(o), r) : "";
    Region region = Region.of(o.x(), o.y(), scene.width(), scene.height());
    List<String> w = new ArrayList<>();
    if (style == 4) {
      add(w, pick(Phrases.REGION_LABEL.get(region), r) + " :");
    }
    List<String> np =
        tokens(adjectives + " " + noun + (stripesAfter ? " " + Phrases.STRIPES_AFTER : ""));
    w.add(article(np.get(0)));
    w.addAll(np);
    if (style == 4) {
      if (video) {
        add(w, ", " + motion);
      }
      return w;
    }
    String where = pick(Phrases.REGION.get(region), r);
    add(w, style == 2 ? motion + " " + where : where + " " + motion);
    return w;
  }

  private static String textureAdjective(Texture t, SplittableRandom r) {
    if (t == Texture.STRIPED) {
      return pick(Phrases.TEXTURE_ADJ.get(t), r);
    }
    if (r == null) {
      return "solid";
    }
    int k = r.nextInt(3);
    return k == 2 ? "" : Phrases.TEXTURE_ADJ.get(t).get(k);
  }

  private static String countPhrase(int n, int variant) {
    String count = Phrases.COUNT.get(n - 1);
    return count + " " + (n == 1 ? Phrases.SINGULAR : Phrases.PLURAL).get(variant);
  }

  private static String article(String next) {
    return "aeiou".indexOf(next.charAt(0)) >= 0 ? "an" : "a";
  }

  private static String pick(List<String> options, SplittableRandom r) {
    return r == null ? options.get(0) : options.get(r.nextInt(options.size()));
  }

  private static void add(List<String> w, String phrase) {
    w.addAll(tokens(phrase));
  }

  private static String quoted(String digits) {
    return QUOTE + digits + QUOTE;
  }

  /** Tokens back to text: punctuation sticks to the word before, quoted digits to each other. */
  private static String join(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    boolean inQuote = false;
    for (String t : tokens) {
      boolean opening = t.equals(QUOTE) && !inQuote;
      boolean glued = inQuote || (PUNCTUATION.contains(t) && !opening);
      if (sb.length() > 0 && !glued) {
        sb.append(' ');
      }
      sb.append(t);
      inQuote = t.equals(QUOTE) ? !inQuote : inQuote;
    }
    return sb.toString();
  }
}
