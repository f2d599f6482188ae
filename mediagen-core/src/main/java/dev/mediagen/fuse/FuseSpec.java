package dev.mediagen.fuse;

import java.nio.file.Path;

/**
 * A command-line fusion request: {@code retrieve} (from the checkpoint's bank, by the prompt), {@code
 * crop:FILE} (an object crop, pasted centred on a blank canvas when smaller than it) or {@code scene:FILE}
 * (a layout map at the canvas size).
 *
 * @param mode RETRIEVE, CROP or SCENE
 * @param file the conditioning image for CROP and SCENE, null for RETRIEVE
 */
public record FuseSpec(FuseMode mode, Path file) {
  /** The accepted forms, for messages. */
  public static final String FORMS = "retrieve, crop:FILE, scene:FILE";

  public FuseSpec {
    if (mode == null || mode == FuseMode.NONE) throw new IllegalArgumentException("a fuse request needs a mode: " + FORMS);
    if ((mode == FuseMode.RETRIEVE) != (file == null)) {
      throw new IllegalArgumentException("fuse mode %s %s a file".formatted(mode.label(), file == null ? "needs" : "takes no"));
    }
  }

  /** Parses {@code retrieve | crop:FILE | scene:FILE}; anything else fails naming the value. */
  public static FuseSpec parse(String s) {
    if (s == null || s.isBlank()) throw new IllegalArgumentException("empty fuse mode; allowed: " + FORMS);
    String t = s.trim();
    if (t.equals("retrieve")) return new FuseSpec(FuseMode.RETRIEVE, null);
    int colon = t.indexOf(':');
    String head = colon < 0 ? t : t.substring(0, colon);
    FuseMode mode = switch (head) {
      case "crop" -> FuseMode.CROP;
      case "scene" -> FuseMode.SCENE;
      default -> throw new IllegalArgumentException("unknown fuse mode '%s'; allowed: %s".formatted(s, FORMS));
    };
    if (colon < 0 || colon == t.length() - 1) {
      throw new IllegalArgumentException("fuse mode '%s' needs a file: %s:FILE".formatted(s, head));
    }
    return new FuseSpec(mode, Path.of(t.substring(colon + 1)));
  }
}
