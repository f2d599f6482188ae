package dev.mediagen.world;

/**
 * Surface texture: SOLID is the base colour; STRIPED alternates horizontal bands of the base colour
 * and its {@linkplain Palette#shadeRgb(int) darker shade}, each band {@code max(1, canvas/16)} rows
 * high (2 px on 32 px), starting with the base colour at the object's top row.
 */
public enum Texture {
  SOLID,
  STRIPED;

  /** Height in pixels of one stripe band on a canvas whose shorter side is {@code canvas}. */
  public static int stripeWidth(int canvas) {
    return Math.max(1, canvas / 16);
  }
}
