package dev.mediagen.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * The ShapesWorld edit tasks, after Emu Edit's 16 (papers-media.md §3.1). Each task is a transform
 * with an exactly computed target: a scene-graph edit re-rendered by the world's renderer, or a
 * pixel-level map of the source.
 *
 * <p>The first seven are the Emu Edit benchmark's tasks (background, global, style, remove, add,
 * local, texture). TEXT edits visual digits; DETECT, SEGMENT, COLOR, IMAGE_TO_EDGES and
 * EDGES_TO_IMAGE are vision tasks posed as generation. MIRROR, CONTOUR and SUPER_RESOLUTION are
 * held out of multi-task training for few-shot task inversion (Emu Edit §3.1: a new task embedding
 * learned with the model frozen). Exact definitions of every target are on {@link EditTasks}.
 */
public enum EditTask {
  BACKGROUND(TaskCategory.REGION, Scoring.SCENE, true, false),
  GLOBAL(TaskCategory.FREE_FORM, Scoring.SCENE, true, false),
  STYLE(TaskCategory.FREE_FORM, Scoring.SCENE, true, false),
  REMOVE(TaskCategory.REGION, Scoring.SCENE, true, false),
  ADD(TaskCategory.REGION, Scoring.SCENE, true, false),
  LOCAL(TaskCategory.REGION, Scoring.SCENE, true, false),
  TEXTURE(TaskCategory.REGION, Scoring.SCENE, true, false),
  TEXT(TaskCategory.FREE_FORM, Scoring.SCENE, false, false),
  DETECT(TaskCategory.VISION, Scoring.BOX, false, false),
  SEGMENT(TaskCategory.VISION, Scoring.MAP, false, false),
  COLOR(TaskCategory.VISION, Scoring.PIXELS, false, false),
  IMAGE_TO_EDGES(TaskCategory.VISION, Scoring.MAP, false, false),
  EDGES_TO_IMAGE(TaskCategory.VISION, Scoring.SCENE, false, false),
  MIRROR(TaskCategory.FREE_FORM, Scoring.SCENE, false, true),
  CONTOUR(TaskCategory.VISION, Scoring.MAP, false, true),
  SUPER_RESOLUTION(TaskCategory.VISION, Scoring.PIXELS, false, true);

  private final TaskCategory category;
  private final Scoring scoring;
  private final boolean benchmark;
  private final boolean heldOut;

  EditTask(TaskCategory category, Scoring scoring, boolean benchmark, boolean heldOut) {
    this.category = category;
    this.scoring = scoring;
    this.benchmark = benchmark;
    this.heldOut = heldOut;
  }

  /** Lower-case name used in reports and on the command line, e.g. "image_to_edges". */
  public String id() {
    return name().toLowerCase();
  }

  public TaskCategory category() {
    return category;
  }

  /** How outputs of this task are scored. */
  public Scoring scoring() {
    return scoring;
  }

  /** True for the seven tasks of the Emu Edit benchmark. */
  public boolean benchmark() {
    return benchmark;
  }

  /** True for tasks kept out of multi-task training, for few-shot task inversion. */
  public boolean heldOut() {
    return heldOut;
  }

  /** The task with id (or enum name) {@code id}, case-insensitive. */
  public static EditTask of(String id) {
    for (EditTask t : values()) {
      if (t.name().equalsIgnoreCase(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown edit task '%s'; allowed: %s".formatted(id, ids(List.of(values()))));
  }

  /** The 13 tasks of multi-task training (every task that is not held out). */
  public static List<EditTask> training() {
    List<EditTask> out = new ArrayList<>();
    for (EditTask t : values()) {
      if (!t.heldOut) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<String> ids(List<EditTask> tasks) {
    return tasks.stream().map(EditTask::id).toList();
  }
}
