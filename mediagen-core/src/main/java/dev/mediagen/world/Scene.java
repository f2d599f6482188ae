package dev.mediagen.world;

import java.util.List;
import java.util.Objects;

/**
 * A ShapesWorld scene graph: canvas, clip timing, background and objects. Images are scenes with
 * {@code frames == 1}.
 *
 * @param width canvas width in pixels
 * @param height canvas height in pixels
 * @param frames number of frames (1 = image, up to 256; training clips have 8 or 16)
 * @param fps frames per second: one frame advances an object by {@code speed / fps} pixels
 * @param background background colour index into {@link Palette} (0..2)
 * @param objects the objects, in caption order
 * @param text optional digits drawn on the canvas (a static screen overlay), or null
 * @param camera camera motion, or null for a scene without a camera (the v1 world: no landmarks);
 *     with a camera the background shows {@link Landmarks} that move with the content
 * @param cameraSpeed pan speed in pixels per second (0 unless the camera pans); one frame shifts
 *     the content by {@code cameraSpeed / fps} pixels opposite to the pan, see {@link
 *     Trajectory#cameraShift}
 */
public record Scene(
    int width,
    int height,
    int frames,
    int fps,
    int background,
    List<SceneObject> objects,
    SceneText text,
    CameraMotion camera,
    float cameraSpeed) {

  public Scene {
    if (width < 8 || width > 1024 || height < 8 || height > 1024) {
      throw new IllegalArgumentException(
          "canvas %dx%d out of range [8, 1024] per side".formatted(width, height));
    }
    if (frames < 1 || frames > 256) {
      throw new IllegalArgumentException("frames %d out of range [1, 256]".formatted(frames));
    }
    if (fps < 1 || fps > 120) {
      throw new IllegalArgumentException("fps %d out of range [1, 120]".formatted(fps));
    }
    Palette.checkBackground(background);
    objects = List.copyOf(Objects.requireNonNull(objects, "objects"));
    if (!(cameraSpeed >= 0) || !Float.isFinite(cameraSpeed)) {
      throw new IllegalArgumentException(
          "cameraSpeed %s must be finite and >= 0".formatted(cameraSpeed));
    }
    if (cameraSpeed > 0 && (camera == null || !camera.pans())) {
      throw new IllegalArgumentException(
          "cameraSpeed %s needs a panning camera, got %s".formatted(cameraSpeed, camera));
    }
    if (text != null) {
      int tw = DigitFont.textWidth(text.digits().length(), Math.min(width, height));
      int th = DigitFont.textHeight(Math.min(width, height));
      if (text.x() < 0 || text.y() < 0 || text.x() + tw > width || text.y() + th > height) {
        throw new IllegalArgumentException(
            "text '%s' at (%d, %d) with size %dx%d does not fit the %dx%d canvas"
                .formatted(text.digits(), text.x(), text.y(), tw, th, width, height));
      }
    }
  }

  /** A scene without a camera (the v1 world). */
  public Scene(
      int width,
      int height,
      int frames,
      int fps,
      int background,
      List<SceneObject> objects,
      SceneText text) {
    this(width, height, frames, fps, background, objects, text, null, 0f);
  }

  /** A scene without visual text or camera. */
  public Scene(
      int width, int height, int frames, int fps, int background, List<SceneObject> objects) {
    this(width, height, frames, fps, background, objects, null);
  }

  /** Shorter canvas side, the length object sizes scale with. */
  public int canvas() {
    return Math.min(width, height);
  }

  /** True when the scene has more than one frame. */
  public boolean isVideo() {
    return frames > 1;
  }

  /** Seconds between the first and last frame. */
  public double duration() {
    return (frames - 1) / (double) fps;
  }

  /**
   * The same scene rendered at another frame rate: per-frame displacement scales by old/new fps.
   */
  public Scene withFps(int newFps) {
    return new Scene(width, height, frames, newFps, background, objects, text, camera, cameraSpeed);
  }

  /** The same scene lasting {@code newFrames} frames (the objects keep moving as they did). */
  public Scene withFrames(int newFrames) {
    return new Scene(width, height, newFrames, fps, background, objects, text, camera, cameraSpeed);
  }

  /** The same scene with another camera ({@code speed} in pixels per second, 0 unless panning). */
  public Scene withCamera(CameraMotion newCamera, float speed) {
    return new Scene(width, height, frames, fps, background, objects, text, newCamera, speed);
  }
}
