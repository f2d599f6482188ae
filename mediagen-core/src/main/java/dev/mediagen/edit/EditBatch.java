package dev.mediagen.edit;

import dev.mediagen.train.Seeds;
import dev.mediagen.video.ClipData;
import dev.mediagen.world.Split;
import dev.mediagen.world.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One training batch of edits on the host: source and target images (B, 3, 1, H, W) in [−1, 1],
 * instructions, task ids (0 = the null task) and which conditions were dropped. A function of (seed, step).
 */
record EditBatch(long step, int size, float[] source, float[] target, List<String> instructions, int[] taskIds) {
  static EditBatch of(EditTasks tasks, EditMix mix, EditTrainConfig tc, long step, long stream, Split split) {
    SplittableRandom rng = Seeds.rng(tc.seed(), stream, step);
    List<Video> src = new ArrayList<>(), tgt = new ArrayList<>();
    List<String> text = new ArrayList<>();
    int[] ids = new int[tc.batch()];
    boolean[] dropImage = new boolean[tc.batch()];
    for (int i = 0; i < tc.batch(); i++) {
      EditExample ex = mix.sample(tasks, rng, split);
      double u = rng.nextDouble();
      boolean noText = u < tc.dropText() + tc.dropBoth();
      dropImage[i] = u >= tc.dropText() && u < tc.dropText() + tc.dropBoth() + tc.dropImage();
      src.add(ex.sourceImage());
      tgt.add(ex.targetImage());
      text.add(noText ? "" : ex.instruction());
      ids[i] = noText ? 0 : taskId(ex.task());
    }
    float[] s = ClipData.pixelsOf(src);
    int per = s.length / tc.batch();
    for (int i = 0; i < tc.batch(); i++) if (dropImage[i]) java.util.Arrays.fill(s, i * per, (i + 1) * per, 0f);
    return new EditBatch(step, src.get(0).width(), s, ClipData.pixelsOf(tgt), text, ids);
  }

  /** Row of the task-embedding table for a task (row 0 is the null task). */
  static int taskId(EditTask t) {
    return t.ordinal() + 1;
  }
}
