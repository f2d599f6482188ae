package dev.mediagen.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Embedding;
import dev.mediagen.nn.Module;
import dev.mediagen.nn.Ops;
import dev.mediagen.text.TextContext;
import dev.mediagen.text.TextEncoder;
import dev.mediagen.video.Denoiser;
import dev.mediagen.video.PromptBatch;

/**
 * Emu Edit (Sheynin et al. 2023) as a wiring of the shared denoiser core (DESIGN.md §4):
 *
 * <ul>
 *   <li>the source image x_src is concatenated to the noisy target on the input channels, with
 *       zero-initialised new weights;
 *   <li>a learned task embedding e_task is appended to the instruction's cross-attention tokens and added
 *       to the timestep embedding of the adaLN conditioning (the paper's two injection points).
 * </ul>
 */
public final class EditModel extends Module {
  private final EditModelConfig config;
  private final TextEncoder text;
  private final Denoiser denoiser;
  private final Embedding tasks;

  public EditModel(EditModelConfig config) {
    this.config = config;
    this.text = module("text", new TextEncoder(config.text()));
    this.denoiser = module("denoiser", new Denoiser(config.denoiser()));
    this.tasks = module("task_embedding", new Embedding(config.tasks(), config.denoiser().hidden()));
  }

  /** Task embeddings for integer task ids (B) → (B, D). */
  public NDArray taskEmbedding(ParameterStore ps, NDArray taskIds, boolean training) {
    return tasks.forward(ps, taskIds, training);
  }

  /**
   * @param xt (B, 3, 1, H, W) noisy target
   * @param t (B) flow times
   * @param instruction the encoded instructions
   * @param source (B, 3, 1, H, W) the image to edit (zeros when dropped)
   * @param task (B, D) task embeddings (from {@link #taskEmbedding}, or a learned inversion)
   */
  public NDArray forward(
      ParameterStore ps, NDArray xt, NDArray t, PromptBatch instruction, NDArray source, NDArray task, boolean training) {
    return velocity(ps, xt, t, encode(ps, instruction, task, training), source, task, training);
  }

  /** The instruction context with the task token appended (computed once per sampling run). */
  public TextContext encode(ParameterStore ps, PromptBatch p, NDArray task, boolean training) {
    TextContext c = text.forward(ps, p.frozen(), p.frozenMask(), p.words(), p.wordMask(), p.chars(), p.charMask(), training);
    NDArray tokens = c.tokens().concat(task.expandDims(1), 1); // (B, L + 1, D)
    NDArray mask = c.mask().concat(c.mask().getManager().ones(new ai.djl.ndarray.types.Shape(task.getShape().get(0), 1)), 1);
    return new TextContext(tokens, mask, Ops.maskedMean(tokens, mask));
  }

  /** The velocity for a precomputed context. */
  public NDArray velocity(
      ParameterStore ps, NDArray xt, NDArray t, TextContext ctx, NDArray source, NDArray task, boolean training) {
    return denoiser.forward(ps, xt, t, ctx, source, task, training);
  }

  public EditModelConfig config() {
    return config;
  }
}
