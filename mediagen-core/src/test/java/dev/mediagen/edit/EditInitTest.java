package dev.mediagen.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Tensors;
import dev.mediagen.text.MiniLmEncoder;
import dev.mediagen.text.TextEncoderConfig;
import dev.mediagen.text.WordTokenizer;
import dev.mediagen.video.DenoiserConfig;
import dev.mediagen.video.PromptEncoder;
import dev.mediagen.video.TextToVideoConfig;
import dev.mediagen.video.TrainVideo;
import dev.mediagen.video.VideoCheckpoint;
import dev.mediagen.video.VideoTrainConfig;
import dev.mediagen.world.Captioner;
import dev.mediagen.world.WorldConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the editor from a text-to-image checkpoint: what is copied, what is new, and that the source starts silent. */
class EditInitTest {
  @Test
  void copiesTheTextToImageModelAndTheSourceImageStartsSilent(@TempDir Path dir) throws Exception {
    WorldConfig w = WorldConfig.tiny();
    DenoiserConfig d = DenoiserConfig.tiny();
    WordTokenizer captions = WordTokenizer.fromWords(Captioner.vocabulary());
    TextToVideoConfig t2v = new TextToVideoConfig(d, new TextEncoderConfig(384, 64, captions.size(), 64, 32, 1, 2, d.hidden()),
        List.of(w.size()), w.frames(), w.fps());
    VideoTrainConfig train = new VideoTrainConfig(8, 2, 2, 2e-3f, 2, 100, 0.01f, 1f, 0.9f, 0.1f, 7, 0, 0, 0);
    TrainVideo.run(new TrainVideo.Options(dir, null, t2v, w, train, 0, 2), new TrainVideo.Listener() {});
    WordTokenizer tok = WordTokenizer.fromTexts(TrainEdit.vocabularyTexts(w));
    try (NDManager m = NDManager.newBaseManager();
        PromptEncoder prompts = new PromptEncoder(new MiniLmEncoder(), tok, 64)) {
      VideoCheckpoint.Loaded init = VideoCheckpoint.load(VideoCheckpoint.resolve(dir), m, false);
      EditModel model = new EditModel(EditInit.config(init.config().model(), tok.size(), EditTask.values().length + 1));
      model.initialize(m, 3);
      int words = EditInit.copy(init, model, tok, m);
      assertThat(words).isGreaterThan(init.tokenizer().size() / 2).isLessThan(tok.size());

      var own = model.namedParameters();
      String block = "denoiser.blocks.0.attn.qkv.weight";
      assertThat(own.get(block).array().toFloatArray()).containsExactly(init.ema().get(block).toFloatArray());
      // the stem: the text-to-image weights on the noisy image's channels, zeros on the source's
      float[] stem = own.get("denoiser.stem.weight").array().toFloatArray(), src = init.ema().get("denoiser.stem.weight").toFloatArray();
      int out = d.stemChannels(), k = 9;
      for (int o = 0; o < out; o++) {
        assertThat(Arrays.copyOfRange(stem, o * 6 * k, o * 6 * k + 3 * k)).containsExactly(Arrays.copyOfRange(src, o * 3 * k, o * 3 * k + 3 * k));
        assertThat(Arrays.copyOfRange(stem, o * 6 * k + 3 * k, (o + 1) * 6 * k)).containsOnly(0f);
      }
      // a word both vocabularies know keeps its row, whatever its id in each
      int dim = 32, inEdit = tok.id("circle"), inT2v = init.tokenizer().id("circle");
      assertThat(Arrays.copyOfRange(own.get("text.word_emb.weight").array().toFloatArray(), inEdit * dim, (inEdit + 1) * dim))
          .containsExactly(Arrays.copyOfRange(init.ema().get("text.word_emb.weight").toFloatArray(), inT2v * dim, (inT2v + 1) * dim));

      // two different source images give the same velocity: the new input weights start at zero
      ParameterStore ps = new ParameterStore(m, false);
      Shape shape = new Shape(1, 3, 1, 16, 16);
      SplittableRandom rng = new SplittableRandom(1);
      NDArray xt = Tensors.floats(m, uniform(rng, 768), shape), t = m.create(new float[] {0.4f});
      NDArray task = model.taskEmbedding(ps, m.create(new int[] {2}), false);
      var p = PromptEncoder.toArrays(prompts.encode(List.of("remove the red circle")), m);
      NDArray a = model.forward(ps, xt, t, p, Tensors.floats(m, uniform(rng, 768), shape), task, false);
      NDArray b = model.forward(ps, xt, t, p, Tensors.floats(m, uniform(rng, 768), shape), task, false);
      assertThat(a.sub(b).abs().max().getFloat()).isLessThan(1e-6f);
    }
    // the training loop wires it: two steps from the checkpoint, and the start message says so
    List<String> messages = new java.util.ArrayList<>();
    TrainEdit.Result r = TrainEdit.run(new TrainEdit.Options(dir.resolve("edit"), null, EditModelConfig.tiny(), w, EditTrainConfig.tiny(), 0, 2, dir),
        new TrainEdit.Listener() {
          @Override
          public void started(long step, long lastStep, String message) {
            messages.add(message);
          }
        });
    assertThat(r.step()).isEqualTo(2);
    assertThat(r.lastLoss()).isFinite();
    assertThat(messages.get(0)).contains("from " + dir).contains("words' embeddings");
  }

  @Test
  void refusesACheckpointThatIsNotAPlainTextToImageModel() {
    DenoiserConfig d = DenoiserConfig.tiny().withCondChannels(3);
    TextToVideoConfig upsampler = new TextToVideoConfig(d, new TextEncoderConfig(384, 64, 40, 64, 32, 1, 2, d.hidden()),
        List.of(16), 4, List.of(4));
    assertThatThrownBy(() -> EditInit.config(upsampler, 100, 17)).hasMessageContaining("condition channels");
  }

  static float[] uniform(SplittableRandom rng, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) (rng.nextDouble() * 2 - 1);
    return x;
  }
}
