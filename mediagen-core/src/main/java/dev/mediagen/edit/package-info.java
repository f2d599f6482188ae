/**
 * Emu Edit (Sheynin et al., CVPR 2024; papers-media.md §3) on ShapesWorld: the data side of
 * instruction-based image editing — tasks, examples, task prediction, benchmark metrics and
 * multi-turn thresholding — in pure Java. Models (the denoiser with task embeddings) build on it.
 *
 * <h2>Tasks and examples</h2>
 *
 * <p>{@link dev.mediagen.edit.EditTask}: 16 tasks, after Emu Edit's 16. The benchmark's seven
 * (BACKGROUND, GLOBAL, STYLE, REMOVE, ADD, LOCAL, TEXTURE), TEXT (visual digits), five vision tasks
 * posed as generation (DETECT, SEGMENT, COLOR, IMAGE_TO_EDGES, EDGES_TO_IMAGE) and three tasks held
 * out for few-shot task inversion (MIRROR, CONTOUR, SUPER_RESOLUTION). {@link
 * dev.mediagen.edit.EditTasks#sample} draws an {@link dev.mediagen.edit.EditExample} (source image,
 * instruction, exact target image, target scene graph for scene tasks, the {@link
 * dev.mediagen.edit.EditFocus} of what the instruction touches); {@link dev.mediagen.edit.EditMix}
 * mixes tasks by weight. The definition of every target is on {@link dev.mediagen.edit.EditTasks};
 * images are one frame at the world's canvas size.
 *
 * <p>Conventions: maps (SEGMENT, IMAGE_TO_EDGES, CONTOUR) are white on black; DETECT draws a 1-px
 * mint ({@link dev.mediagen.edit.ImageOps#BOX_RGB}) rectangle one pixel outside the object's box;
 * REMOVE of the only object leaves bare background; ADD needs a free region and a source with fewer
 * than 3 objects. Instructions come from per-task sentence frames (6–8 training, 3–4 held-out per
 * variant, disjoint) × politeness frames × synonyms × referring expressions that single the object
 * out ({@link dev.mediagen.edit.Phrasing}: TRAIN/VALIDATION use training frames, the test splits
 * held-out ones). Outside TEST_UNSEEN no edit creates a held-out colour×shape combination.
 *
 * <p>No-op avoidance: a draft is redrawn when its target equals its source or when the unedited
 * source already passes the task's success test. Measured redraw rates ({@code
 * EditTasksTest.noOpRedrawsAreRare}, 200 drafts, 32 px): ADD 0.19 (full 3-object sources), MIRROR
 * 0.19 (all objects in the middle column, or symmetric), SEGMENT 0.165 (the named object is the
 * only white thing, so its render already is the mask), SUPER_RESOLUTION 0.07 (edges on the 2-px
 * grid), IMAGE_TO_EDGES 0.03, COLOR 0.02, EDGES_TO_IMAGE 0.01, CONTOUR 0.005, others 0.
 *
 * <h2>Metrics</h2>
 *
 * <p>{@link dev.mediagen.edit.EditMetrics} → {@link dev.mediagen.edit.EditScore}; {@link
 * dev.mediagen.edit.EditBenchmark} runs an {@link dev.mediagen.edit.Editor} and summarises per task
 * ({@link dev.mediagen.edit.TaskSummary}, CSV). Scene tasks: the world's {@code Checker} reads the
 * output; <em>success</em> = every edited object / removed region / background / text reads as the
 * target has it; <em>preserved</em> = every untouched object, background and text reads as in the
 * source; <em>exact</em> = the whole target scene reads exactly. Map and box tasks: IoU ≥ 0.5.
 * Pixel tasks (COLOR, SUPER_RESOLUTION): ≥ 90% of the pixels the target changes within 0.05. Plus
 * Emu Edit's L1 and a DINO stand-in, the cosine of a hand-designed descriptor ({@link
 * dev.mediagen.edit.ImageFeatures}: palette histogram, 4×4 colour layout, 4×4 edge energy).
 *
 * <p>Measured ({@code EditBenchmarkTest}; 30 examples per task on TEST_SEEN at 32 px, 12 per task
 * on TEST_UNSEEN with text in 40% of scenes, 12 per task on the 16 px world): the oracle editor
 * (output = target) scores success, exact and preserved 1.000 on all 16 tasks; the identity editor
 * (output = source) scores success 0.000 on all 16 and preserved 1.000 wherever something is
 * untouched (NaN for the map tasks and EDGES_TO_IMAGE).
 *
 * <h2>Task predictor</h2>
 *
 * <p>{@link dev.mediagen.edit.InstructionTaskClassifier}: multinomial naive Bayes on delexicalised,
 * stemmed unigrams + bigrams, trained on 80 generated instructions per task ({@code
 * InstructionTaskClassifierTest}): accuracy 1.000 on new examples phrased with training frames and
 * about 0.87–0.89 on the held-out frames (TEXTURE ≈ 0.45–0.55, CONTOUR ≈ 0.5, STYLE ≈ 0.75–0.9,
 * DETECT ≈ 0.7–0.8; a frame whose key verb never occurred for its task — "box the circle", "give it
 * the colour red", "erase the stripes on …" — is read by the other words). It stands in for Emu
 * Edit's Flan-T5 predictor until a learned one exists.
 *
 * <h2>Multi-turn editing</h2>
 *
 * <p>{@link dev.mediagen.edit.SequentialThreshold}: Emu Edit's per-pixel thresholding, α = 0.03 on
 * the low-passed L1 change between turns.
 */
package dev.mediagen.edit;
