package dev.mediagen.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mediagen.text.WordTokenizer;
import dev.mediagen.train.Weights;
import dev.mediagen.video.TextToVideoConfig;
import dev.mediagen.video.VideoCheckpoint;
import java.util.HashMap;
import java.util.Map;

/**
 * Emu Edit starts from its text-to-image model (Emu) and adds only what editing needs (Sheynin et al. §3):
 * here the pixel-space text-to-video model, whose images are 1-frame videos. What differs from it:
 *
 * <ul>
 *   <li>the stem reads the source image on extra input channels: their weights start at zero, so at first
 *       the source has no effect and the editor draws like the text-to-image model (plus the new task token);
 *   <li>the instruction vocabulary is larger: a word's embedding row is copied from the word of the same
 *       spelling, new words keep their random rows;
 *   <li>the task embedding is new (random rows, as in a fresh run).
 * </ul>
 *
 * Every other tensor must match by name and shape ({@link Weights#initFrom} names any that does not).
 */
public final class EditInit {
  private EditInit() {}

  /** The editor's shape for a text-to-image checkpoint and an instruction vocabulary of {@code vocab} words. */
  public static EditModelConfig config(TextToVideoConfig t2i, int vocab, int tasks) {
    if (t2i.latent() != null) throw new IllegalArgumentException("the edit model works in pixel space; the init checkpoint is a latent model");
    if (t2i.denoiser().condChannels() != 0 || t2i.denoiser().fusion()) {
      throw new IllegalArgumentException("the init checkpoint must be a plain text-to-image/video model (it has condition channels or fusion)");
    }
    return new EditModelConfig(t2i.denoiser().withCondChannels(t2i.denoiser().channels()), t2i.text().withVocab(vocab),
        tasks, t2i.sizes().get(0));
  }

  /**
   * Copies the text-to-image weights into {@code model}.
   *
   * @param init the text-to-image checkpoint (its EMA weights are used)
   * @param editWords the editor's tokenizer
   * @return the number of word rows copied
   */
  public static int copy(VideoCheckpoint.Loaded init, EditModel model, WordTokenizer editWords, NDManager m) {
    Map<String, NDArray> source = new HashMap<>(init.ema());
    Map<String, dev.mediagen.nn.Module.Param> own = model.namedParameters();
    own.forEach((n, p) -> {
      if (n.startsWith("task_embedding.")) source.put(n, p.array()); // new: keeps its own initialisation
    });
    String stem = "denoiser.stem.weight";
    if (source.containsKey(stem)) source.put(stem, padInputs(source.get(stem), own.get(stem).array(), m));
    String words = "text.word_emb.weight";
    int[] copied = {0};
    source.put(words, remapRows(source.get(words), init.tokenizer(), own.get(words).array(), editWords, copied, m));
    Weights.initFrom(source, model);
    return copied[0];
  }

  /** (O, C, k, k) stem weights → (O, C + C', k, k) with the model's zero-initialised weights for the new inputs. */
  static NDArray padInputs(NDArray stem, NDArray target, NDManager m) {
    long[] so = stem.getShape().getShape(), to = target.getShape().getShape();
    if (so.length != 4 || to.length != 4 || so[0] != to[0] || so[1] > to[1] || so[2] != to[2] || so[3] != to[3]) {
      throw new IllegalArgumentException("stem weights %s cannot initialise %s".formatted(stem.getShape(), target.getShape()));
    }
    float[] s = stem.toFloatArray(), t = target.toFloatArray();
    int block = (int) (so[1] * so[2] * so[3]), row = (int) (to[1] * to[2] * to[3]);
    for (int o = 0; o < so[0]; o++) System.arraycopy(s, o * block, t, o * row, block); // inputs 0..C-1 of output o
    return m.create(t, target.getShape());
  }

  /** Word-embedding rows by spelling: the target's rows for words the source lacks, the source's otherwise. */
  static NDArray remapRows(NDArray src, WordTokenizer srcWords, NDArray target, WordTokenizer targetWords, int[] copied,
      NDManager m) {
    int dim = (int) target.getShape().get(1);
    float[] s = src.toFloatArray(), t = target.toFloatArray();
    for (int id = 0; id < targetWords.size(); id++) {
      String token = targetWords.token(id);
      int from = srcWords.id(token);
      if (from == WordTokenizer.UNK_ID && id != WordTokenizer.UNK_ID) continue;
      System.arraycopy(s, from * dim, t, id * dim, dim);
      copied[0]++;
    }
    return m.create(t, target.getShape());
  }
}
