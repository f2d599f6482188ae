package dev.mediagen.fuse;

import java.util.Locale;

/**
 * What a fused conditioning image is (X&amp;Fuse, Kirstain et al. 2023): none (plain text-to-image), an image
 * retrieved from the bank by the caption (Retrieve&amp;Fuse), a crop of one object on a blank canvas
 * (Crop&amp;Fuse) or the scene's layout map (Scene&amp;Fuse). The model does not see the mode: it reads it from
 * the image.
 */
public enum FuseMode {
  NONE,
  RETRIEVE,
  CROP,
  SCENE;

  /** The lower-case name used on the command line and in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
