package dev.mediagen.world;

import java.util.Objects;

/**
 * Optional "visual text" of a scene: 1–2 digits drawn with the {@link DigitFont} in {@link
 * Palette#textRgb()}, static over the clip.
 *
 * @param digits one or two characters 0–9
 * @param x left column of the text in pixels
 * @param y top row of the text in pixels
 */
public record SceneText(String digits, int x, int y) {
  public SceneText {
    Objects.requireNonNull(digits, "digits");
    if (!digits.matches("[0-9]{1,2}")) {
      throw new IllegalArgumentException("text '%s' must be 1 or 2 digits 0-9".formatted(digits));
    }
  }
}
