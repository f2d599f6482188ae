package dev.mediagen.world;

/**
 * Draws a {@link Scene} into a {@link Video}: background fill, then each object's {@link Sprites
 * sprite} at its {@link Trajectory} position in every frame, in exact palette colours (no
 * anti-aliasing). STRIPED objects alternate bands of base colour and shade, {@link
 * Texture#stripeWidth} rows each, anchored to the object's top row so stripes move with the object.
 * A scene with a camera first draws the background {@link Landmarks}, shifted by the camera in
 * every frame; visual text is drawn last, over everything.
 */
public final class Renderer {
  private Renderer() {}

  /** The scene's frames, layout (T, 3, H, W). */
  public static Video render(Scene scene) {
    int w = scene.width();
    int h = scene.height();
    int plane = w * h;
    float[] data = new float[scene.frames() * 3 * plane];
    float[] bg = channels(Palette.backgroundRgb(scene.background()));
    for (int t = 0; t < scene.frames(); t++) {
      for (int c = 0; c < 3; c++) {
        java.util.Arrays.fill(data, (t * 3 + c) * plane, (t * 3 + c + 1) * plane, bg[c]);
      }
    }
    if (scene.camera() != null) {
      drawLandmarks(scene, data);
    }
    int stripe = Texture.stripeWidth(scene.canvas());
    for (SceneObject o : scene.objects()) {
      int d = o.size().pixels(scene.canvas());
      boolean[] mask = Sprites.mask(o.shape(), d);
      float[] base = channels(Palette.objectRgb(o.colour()));
      float[] shade = channels(Palette.shadeRgb(o.colour()));
      for (int t = 0; t < scene.frames(); t++) {
        int[] tl = Trajectory.topLeft(scene, o, t);
        for (int j = 0; j < d; j++) {
          int y = tl[1] + j;
          if (y < 0 || y >= h) {
            continue;
          }
          float[] col = o.texture() == Texture.STRIPED && (j / stripe) % 2 == 1 ? shade : base;
          for (int i = 0; i < d; i++) {
            int x = tl[0] + i;
            if (x < 0 || x >= w || !mask[j * d + i]) {
              continue;
            }
            for (int c = 0; c < 3; c++) {
              data[(t * 3 + c) * plane + y * w + x] = col[c];
            }
          }
        }
      }
    }
    if (scene.text() != null) {
      drawText(scene, data);
    }
    return new Video(scene.frames(), h, w, data);
  }

  /** Landmark dots at world positions, i.e. screen minus the frame's camera shift. */
  private static void drawLandmarks(Scene scene, float[] data) {
    int w = scene.width();
    int h = scene.height();
    int plane = w * h;
    float[] col = channels(Palette.backgroundRgb(Landmarks.colour(scene.background())));
    for (int t = 0; t < scene.frames(); t++) {
      int[] shift = Trajectory.cameraShift(scene, t);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          if (Landmarks.isDot(x - shift[0], y - shift[1], scene.canvas())) {
            for (int c = 0; c < 3; c++) {
              data[(t * 3 + c) * plane + y * w + x] = col[c];
            }
          }
        }
      }
    }
  }

  /** Draws the scene's digits, scaled {@link DigitFont#scale} times, into every frame. */
  private static void drawText(Scene scene, float[] data) {
    int w = scene.width();
    int plane = w * scene.height();
    int s = DigitFont.scale(scene.canvas());
    float[] col = channels(Palette.textRgb());
    SceneText text = scene.text();
    for (int k = 0; k < text.digits().length(); k++) {
      int d = text.digits().charAt(k) - '0';
      int left = text.x() + k * (DigitFont.WIDTH + 1) * s;
      for (int y = 0; y < DigitFont.HEIGHT * s; y++) {
        for (int x = 0; x < DigitFont.WIDTH * s; x++) {
          if (!DigitFont.pixel(d, x / s, y / s)) {
            continue;
          }
          int p = (text.y() + y) * w + left + x;
          for (int t = 0; t < scene.frames(); t++) {
            for (int c = 0; c < 3; c++) {
              data[(t * 3 + c) * plane + p] = col[c];
            }
          }
        }
      }
    }
  }

  /** {@code 0xRRGGBB} as three floats in [0, 1]. */
  static float[] channels(int rgb) {
    return new float[] {
      ((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f
    };
  }
}
