package dev.mediagen.qa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mediagen.nn.Tensors;
import java.util.List;

/**
 * Several {@link SpanInput}s padded into arrays: sequences to the longest ({@code [PAD]}, mask 0,
 * not selectable), questions to the most per sequence (padding questions point at position 0 and
 * have all-zero targets, so they add nothing to {@link SpanLoss}).
 *
 * @param ids (B, N) ids
 * @param mask (B, N) 1 real / 0 padding
 * @param selectable (B, N) 1 where an answer may start or end
 * @param questionPositions (B, Q) flattened {@code b·N + position} (rows of the flattened states)
 * @param startTargets (B, Q, N) one-hot, or null without labels
 * @param endTargets (B, Q, N) one-hot, or null without labels
 * @param questions number of real questions
 */
public record SpanBatch(
    NDArray ids,
    NDArray mask,
    NDArray selectable,
    NDArray questionPositions,
    NDArray startTargets,
    NDArray endTargets,
    int questions) {

  /** Pads {@code inputs} onto {@code m}; labels are built when every question has an answer. */
  public static SpanBatch of(NDManager m, List<SpanInput> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a batch needs >= 1 input");
    }
    int b = inputs.size();
    int n = inputs.stream().mapToInt(SpanInput::length).max().orElseThrow();
    int q = Math.max(1, inputs.stream().mapToInt(i -> i.questions().size()).max().orElseThrow());
    boolean labelled =
        inputs.stream().flatMap(i -> i.questions().stream()).allMatch(x -> x.answer() != null);
    int[] ids = new int[b * n];
    float[] mask = new float[b * n];
    float[] sel = new float[b * n];
    int[] qpos = new int[b * q];
    float[] st = labelled ? new float[b * q * n] : null;
    float[] en = labelled ? new float[b * q * n] : null;
    int count = 0;
    for (int i = 0; i < b; i++) {
      SpanInput in = inputs.get(i);
      for (int t = 0; t < in.length(); t++) {
        ids[i * n + t] = in.ids()[t];
        mask[i * n + t] = 1f;
        sel[i * n + t] = in.selectable()[t] ? 1f : 0f;
      }
      for (int j = 0; j < q; j++) {
        qpos[i * q + j] = i * n;
        if (j < in.questions().size()) {
          SpanInput.Question question = in.questions().get(j);
          qpos[i * q + j] = i * n + question.position();
          if (labelled) {
            st[(i * q + j) * n + question.answer().start()] = 1f;
            en[(i * q + j) * n + question.answer().end()] = 1f;
          }
          count++;
        }
      }
    }
    return new SpanBatch(
        Tensors.ints(m, ids, new Shape(b, n)),
        Tensors.floats(m, mask, new Shape(b, n)),
        Tensors.floats(m, sel, new Shape(b, n)),
        Tensors.ints(m, qpos, new Shape(b, q)),
        labelled ? Tensors.floats(m, st, new Shape(b, q, n)) : null,
        labelled ? Tensors.floats(m, en, new Shape(b, q, n)) : null,
        count);
  }
}
