/**
 * ShapesWorld: the procedural world every model in the project trains on and is measured with
 * (DESIGN.md §5). Scenes have exact ground truth, so generated samples are scored automatically.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.mediagen.world.WorldConfig} (presets {@code defaults()} 32 px / 8 frames / fps
 *       {4, 8}, and {@code tiny()} 16 px / 4 frames / fps {2, 4}) and {@link
 *       dev.mediagen.world.SceneSampler}: random {@link dev.mediagen.world.Scene}s per {@link
 *       dev.mediagen.world.Split}, and fixed evaluation sets via {@code testSet}.
 *   <li>{@link dev.mediagen.world.Renderer}: scene → {@link dev.mediagen.world.Video} (T, 3, H, W)
 *       floats in [0, 1], exact palette colours, no anti-aliasing.
 *   <li>{@link dev.mediagen.world.Captioner}: varied captions (9 templates × 5 clause orders ×
 *       synonyms) and one canonical caption; {@link dev.mediagen.world.CaptionParser} reads either
 *       back into attributes; {@code Captioner.vocabulary()} lists every token.
 *   <li>{@link dev.mediagen.world.Checker}: pixels → {@link dev.mediagen.world.Reading}; reading +
 *       truth → {@link dev.mediagen.world.Score}; {@link dev.mediagen.world.AccuracyTally}
 *       averages.
 * </ul>
 *
 * <h2>The world</h2>
 *
 * <p>Canvas {@code size}² (default 32). Background: black, gray or navy. 1–3 objects (weights
 * 0.5/0.35/0.15), each with a colour ({@link dev.mediagen.world.Palette}: red, green, blue, yellow,
 * magenta, cyan, orange, white), shape (circle, square, apex-up triangle), size (SMALL = canvas/4,
 * LARGE = 3·canvas/8, rounded to even pixels: 8 and 12 px on 32), texture (SOLID or STRIPED: 2-row
 * bands of the colour and its 0.55× shade on 32 px), frame-0 position in a 3×3 {@link
 * dev.mediagen.world.Region} grid, and in videos a motion (still, left, right, up, down, bounce) at
 * {@code speed} px/s. One frame advances {@code speed / fps} px, so FPS-4 moves twice as far per
 * frame as FPS-8. Guarantees (tested): ≥{@code canvas/16} px of background between objects at every
 * frame, frame-0 centres ≥{@code canvas/18} px inside their region, one object per region, objects
 * inside the canvas at every frame, a directional move covers ≥{@code canvas/8} px, a bounce goes
 * ≥{@code canvas/8} px to the wall and ≥{@code canvas/8} px back, reflecting once.
 *
 * <p>Held-out combinations ({@code defaults()}): red triangle, blue circle, yellow square, cyan
 * triangle. They never occur in TRAIN/VALIDATION/TEST_SEEN; every TEST_UNSEEN scene has at least
 * one.
 *
 * <h2>Captions</h2>
 *
 * <p>Every caption states every object's colour, shape (circle|disc|ball, square|box|block,
 * triangle), size (small|little, large|big), texture (striped | "with stripes"; solid | plain |
 * omitted = solid), frame-0 region and, for videos, motion (e.g. "still", "not moving", "moving
 * left", "drifting upward", "bouncing horizontally", "bouncing up and down"), plus the background.
 * The count is the number of object clauses, and some templates say it ("two objects"). Captions
 * are at most 40 words. Example canonical caption: "two objects on a black background: a large red
 * striped circle at the top left moving right; a small blue solid square in the center still".
 *
 * <h2>Visual text (optional, off by default)</h2>
 *
 * <p>With {@code textProbability > 0} a scene may show 1–2 digits ({@link
 * dev.mediagen.world.SceneText}) in a 3×5 {@link dev.mediagen.world.DigitFont} (scaled by canvas/32)
 * in text pink, clear of every object at every frame; captions end with e.g. {@code labelled "37"}
 * (the quote and each digit are tokens) and the checker reads the digits by template matching.
 *
 * <h2>ShapesWorld v2 (off in {@code defaults()}, {@code tiny()}; on in {@code v2()})</h2>
 *
 * <p>Three Movie Gen data features (papers-media.md §1), each enabled by a config field that a
 * pre-v2 JSON config lacks and that then reads as "off", so v1 scenes, captions, pixels, checker
 * readings and {@code Captioner.vocabulary()} stay exactly as they were ({@code
 * CompatibilityTest}).
 *
 * <ul>
 *   <li><b>Camera motion</b> ({@code cameraProbability}, v2: 0.5): every scene gets a {@link
 *       dev.mediagen.world.CameraMotion}; a video pans left/right/up/down with that probability. A
 *       pan shifts all content the opposite way (camera pans left ⇒ content moves right) by 4–6 px
 *       over the clip on 32 px (under 1 px a frame in 8-frame clips), on top of each object's own
 *       motion; the sampler keeps every drawn sprite inside the canvas and the gaps at every frame.
 *       Because a pan of a lone object is indistinguishable from the object moving, scenes with a
 *       camera show background landmarks ({@code Landmarks}): a lattice of 2×2 dots every 8 px (on
 *       32 px) in a second background colour (gray on black and navy, black on gray), fixed in the
 *       world. The checker reads the lattice phase per frame, so it recovers the camera and, with
 *       the shift taken off, each object's own motion. Captions state pans as a Movie-Gen-style
 *       prefix ("panning left: …") or a suffix ("…, the camera tilts up"); a static camera is
 *       stated ("static camera") or omitted. Camera words are in {@code
 *       Captioner.vocabulary(world)}, not in the frozen v1 {@code vocabulary()}.
 *   <li><b>Aspect-ratio and duration buckets</b> ({@code buckets}, v2: 32×32, 48×32, 32×48 at 8
 *       and 16 frames): {@code SceneSampler.sample(rng, split, bucket)} draws a scene of that
 *       canvas and length (regions are thirds of the actual canvas, sizes follow the shorter side);
 *       renderer, captions and checker handle any canvas.
 *   <li><b>Visual text</b> ({@code textProbability}, v2: 0.3), as above, on every canvas.
 * </ul>
 *
 * <p>Measured ({@code CameraTest}, {@code BucketTest}): camera accuracy 1.000 on clean renders
 * (videos with only still objects, only moving objects, and the v2 mix; 32 and 16 px), 1.000 at σ =
 * 0.1, 0.99 at σ = 0.2 and 1.000 under the 3×3 blur; camera-free scenes never show a lattice (σ up
 * to 0.3, blur). Every attribute 1.000 on clean renders of all six buckets (images and videos),
 * all-correct ≥ 0.98 at σ = 0.1. Known limits, both from the v1 text reader: digits read 0.0 at σ =
 * 0.2, and a blur turns text strokes into extra objects (v2 count 0.79 under blur, 0.98 without
 * text).
 *
 * <h2>Checker accuracy (measured by {@code CheckerAccuracyTest}, 1000 scenes, 32 px)</h2>
 *
 * <p>Clean renders: every attribute, count and background 1.000. Gaussian pixel noise σ = 0.05:
 * 1.000 everywhere; σ = 0.1: motion 0.998, all-correct 0.998; σ = 0.2: colour 0.99, shape 0.94,
 * size 0.99, texture 0.98, position 0.99, motion 0.96, count 0.95, all-correct 0.85. A 3×3 binomial
 * blur costs mostly shape (0.83; small objects grow a rim). At 16 px there is no median pre-filter,
 * so σ = 0.1 gives all-correct 0.83 and σ = 0.2 0.07. Digits ({@code DigitTextTest}, 300 scenes):
 * 1.000 clean and at σ = 0.05, 0.86 at σ = 0.1; no text is ever read from text-free scenes.
 */
package dev.mediagen.world;
