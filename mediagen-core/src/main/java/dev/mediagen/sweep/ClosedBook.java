package dev.mediagen.sweep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Dense;
import dev.mediagen.nn.Module;
import dev.mediagen.qa.HashedVocab;
import dev.mediagen.qa.QaCheckpoint;
import dev.mediagen.qa.QaFeatures;
import dev.mediagen.qa.QaTokenizer;
import dev.mediagen.qa.QaTrainConfig;
import dev.mediagen.qa.SpanBatch;
import dev.mediagen.qa.SpanHeadKind;
import dev.mediagen.qa.SpanInput;
import dev.mediagen.qa.SplinterConfig;
import dev.mediagen.qa.SplinterEncoder;
import dev.mediagen.qa.SplinterModel;
import dev.mediagen.qa.TrainSpans;
import dev.mediagen.train.AdamW;
import dev.mediagen.train.Seeds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Open (closed-book) QA of the params-vs-examples study (papers-language.md §4.1: NQ-open, TriviaQA):
 * the model reads the question alone and must <i>produce</i> the answer. Our encoders do not
 * generate text, so the answer is produced at the granularity of whole answers: a linear layer on
 * the {@code [QUESTION]} token's state scores every entry of the world's answer {@link Inventory}
 * (every answer string of the train pool and of the test set — a generator's output space). The
 * encoder is the same (RSS-pretrained) encoder as the other formats'; the layer starts fresh.
 * Score: exact match of the chosen entry.
 */
public final class ClosedBook extends Module {
  private final SplinterEncoder encoder;
  private final Dense answer;

  public ClosedBook(SplinterConfig config, int answers) {
    if (answers < 2) {
      throw new IllegalArgumentException("an answer inventory needs >= 2 entries, got " + answers);
    }
    this.encoder = module("encoder", new SplinterEncoder(config));
    this.answer = module("answer", new Dense(config.dim(), answers));
  }

  /** The answer strings the model can produce, sorted and distinct. */
  public record Inventory(List<String> answers, Map<String, Integer> index) {
    public static Inventory of(Collection<String> answers) {
      List<String> sorted = List.copyOf(new TreeSet<>(answers));
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < sorted.size(); i++) {
        index.put(sorted.get(i), i);
      }
      return new Inventory(sorted, Map.copyOf(index));
    }

    public int indexOf(String answer) {
      Integer i = index.get(answer);
      if (i == null) {
        throw new IllegalArgumentException("answer \"" + answer + "\" is not in the inventory");
      }
      return i;
    }
  }

  /** Logits (B, K) over the inventory, read at each sequence's {@code [QUESTION]} token. */
  public NDArray forward(ParameterStore ps, SpanBatch b, boolean training) {
    NDArray x = encoder.forward(ps, b.ids(), b.mask(), training); // (B, N, D)
    NDArray xq = SplinterModel.gatherRows(x, b.questionPositions()).squeeze(1); // (B, D)
    return answer.forward(ps, xq, training); // (B, K)
  }

  /** {@code [CLS] question [QUESTION] . [SEP]}: the question alone, in the QASS format. */
  public static SpanInput input(String question, HashedVocab vocab) {
    List<dev.mediagen.qa.Token> tokens = QaFeatures.questionTokens(question, SpanHeadKind.QASS);
    int[] q = vocab.idsOfTokens(tokens);
    int[] ids = new int[q.length + 2];
    ids[0] = QaTokenizer.CLS_ID;
    System.arraycopy(q, 0, ids, 1, q.length);
    ids[ids.length - 1] = QaTokenizer.SEP_ID;
    int position = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).text().equals(QaTokenizer.QUESTION)) {
        position = 1 + i;
      }
    }
    return new SpanInput(
        ids, new boolean[ids.length], List.of(new SpanInput.Question(position, null)));
  }

  /**
   * Fine-tunes a model on {@code (inputs[i], labels[i])} with cross-entropy over the inventory;
   * the encoder starts from {@code pretrained} ({@code encoder.*} weights) when given.
   */
  public static ClosedBook train(
      SplinterConfig config,
      int answers,
      Map<String, NDArray> pretrained,
      QaTrainConfig tc,
      List<SpanInput> inputs,
      int[] labels,
      NDManager root) {
    if (inputs.size() != labels.length || inputs.isEmpty()) {
      throw new IllegalArgumentException(
          "need one label per input and >= 1 input; got %d inputs, %d labels"
              .formatted(inputs.size(), labels.length));
    }
    ClosedBook model = new ClosedBook(config, answers);
    model.initialize(root, Seeds.derive(tc.seed(), Seeds.INIT, 0));
    if (pretrained != null) {
      QaCheckpoint.initFrom(pretrained, model, false); // the encoder only: the answer layer is new
    }
    AdamW opt = new AdamW(model, root, 0.9f, 0.999f, 1e-6f, tc.weightDecay());
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      items.add(i);
    }
    TrainSpans.BatchLoss<Integer> nll = (ps, m, batch) -> {
      SpanBatch b = SpanBatch.of(m, batch.stream().map(inputs::get).toList());
      int[] y = batch.stream().mapToInt(i -> labels[i]).toArray();
      NDArray logits = model.forward(ps, b, true); // (B, K)
      // the generator's loss: negative log-likelihood of the gold answer, mean over the batch
      return logits.logSoftmax(1).mul(m.create(y).oneHot(answers)).sum().neg().div(y.length);
    };
    try {
      TrainSpans.run(nll, opt, root, items, tc, 0, tc.steps(), Long.MAX_VALUE, TrainSpans.Listener.NONE, (s, l) -> {});
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // the no-op AfterStep writes nothing
    }
    return model;
  }

  /** The inventory entry the model scores highest for each input. */
  public static List<String> predict(
      ClosedBook model, Inventory inventory, List<SpanInput> inputs, NDManager root) {
    ParameterStore ps = new ParameterStore(root, false);
    List<String> out = new ArrayList<>(inputs.size());
    for (int from = 0; from < inputs.size(); from += 32) {
      try (NDManager m = root.newSubManager()) {
        SpanBatch b = SpanBatch.of(m, inputs.subList(from, Math.min(inputs.size(), from + 32)));
        long[] best = model.forward(ps, b, false).argMax(1).toLongArray();
        for (long i : best) {
          out.add(inventory.answers().get((int) i));
        }
      }
    }
    return out;
  }
}
