package dev.mediagen.qa;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.mediagen.nn.Tensors;
import java.util.ArrayList;
import java.util.List;

/**
 * Inference for extractive QA and RSS (papers-language.md §2.2–2.3): every window of every question
 * is scored in batches without autograd, the n-best spans of a question are decoded over its
 * windows ({@link SpanDecoder#decode}, max answer length, max-context rule), and the best span's
 * characters are the prediction, scored with {@link SquadMetric}.
 */
public final class QaPredictor {

  /** Decoding settings: windows, batch size, n-best size, top-k per side, longest answer. */
  public record Settings(int stride, int batchSize, int nBest, int topK, int maxAnswerLength) {
    public Settings {
      if (stride < 1 || batchSize < 1 || nBest < 1 || topK < 1 || maxAnswerLength < 1) {
        throw new IllegalArgumentException(
            "stride %d, batchSize %d, nBest %d, topK %d, maxAnswerLength %d must all be >= 1"
                .formatted(stride, batchSize, nBest, topK, maxAnswerLength));
      }
    }

    /** Splinter's decoding (n-best 20, max answer length 10) with our window stride. */
    public static Settings defaults(int stride) {
      return new Settings(stride, 32, 20, 20, 10);
    }
  }

  /** A question's prediction: best text first, with its n-best spans in context tokens. */
  public record Prediction(String qid, String text, List<SpanDecoder.Candidate> nBest) {}

  private QaPredictor() {}

  /** Predictions for every example, in order. */
  public static List<Prediction> predict(
      SplinterModel model, HashedVocab vocab, List<MrqaDataset.Example> examples, Settings s) {
    List<QaFeatures.Feature> features = new ArrayList<>();
    for (MrqaDataset.Example ex : examples) {
      features.addAll(
          QaFeatures.windows(ex, vocab, model.head(), model.config().maxLength(), s.stride()));
    }
    List<float[][]> logits =
        score(model, features.stream().map(QaFeatures.Feature::input).toList(), s.batchSize());
    return decode(examples, features, logits, s);
  }

  /**
   * Decodes each example's answer from the {start, end} logits of its features (all windows of
   * every example, in order, as {@link QaFeatures#windows} gives them).
   */
  public static List<Prediction> decode(
      List<MrqaDataset.Example> examples,
      List<QaFeatures.Feature> features,
      List<float[][]> logits,
      Settings s) {
    if (features.size() != logits.size()) {
      throw new IllegalArgumentException(
          "%d features but %d logit pairs".formatted(features.size(), logits.size()));
    }
    List<Prediction> out = new ArrayList<>();
    int f = 0;
    for (MrqaDataset.Example ex : examples) {
      if (f >= features.size() || features.get(f).example() != ex) {
        throw new IllegalArgumentException(
            "features are not in example order at question " + ex.question().qid());
      }
      List<SlidingWindows.Window> windows = features.get(f).windows();
      int offset = features.get(f).contextOffset();
      List<float[]> starts = new ArrayList<>();
      List<float[]> ends = new ArrayList<>();
      for (int w = 0; w < windows.size(); w++, f++) {
        starts.add(logits.get(f)[0]);
        ends.add(logits.get(f)[1]);
      }
      List<SpanDecoder.Candidate> best =
          SpanDecoder.decode(windows, starts, ends, offset, s.topK(), s.maxAnswerLength(), s.nBest());
      List<Token> tokens = ex.context().contextTokens();
      String text =
          best.isEmpty()
              ? ""
              : ex.context()
                  .context()
                  .substring(
                      tokens.get(best.get(0).start()).start(), tokens.get(best.get(0).end()).end());
      out.add(new Prediction(ex.question().qid(), text, best));
    }
    return out;
  }

  /** SQuAD EM/F1 (percent) of the model on {@code examples} against all their answers. */
  public static SquadMetric.Score evaluate(
      SplinterModel model, HashedVocab vocab, List<MrqaDataset.Example> examples, Settings s) {
    List<Prediction> p = predict(model, vocab, examples, s);
    return SquadMetric.score(
        p.stream().map(Prediction::text).toList(),
        examples.stream().map(e -> e.question().answers()).toList());
  }

  /**
   * RSS span accuracy: the share of questions whose argmax start and argmax end are both the gold
   * ones (the pretraining task's "dev accuracy"; chance is about 1/N² for N tokens).
   */
  public static double spanAccuracy(SplinterModel model, List<SpanInput> inputs, int batchSize) {
    int right = 0;
    int total = 0;
    try (NDManager m = NDManager.newBaseManager();
        Tensors.Scope g = Tensors.noGrad()) {
      ParameterStore ps = new ParameterStore(m, false);
      for (int from = 0; from < inputs.size(); from += batchSize) {
        List<SpanInput> chunk = inputs.subList(from, Math.min(inputs.size(), from + batchSize));
        try (NDManager sub = m.newSubManager()) {
          SpanBatch b = SpanBatch.of(sub, chunk);
          SpanLogits l = model.forward(ps, b, false);
          int q = Math.toIntExact(l.start().getShape().get(1));
          long[] st = l.start().argMax(-1).toLongArray();
          long[] en = l.end().argMax(-1).toLongArray();
          for (int i = 0; i < chunk.size(); i++) {
            List<SpanInput.Question> qs = chunk.get(i).questions();
            for (int j = 0; j < qs.size(); j++) {
              Span a = qs.get(j).answer();
              right += st[i * q + j] == a.start() && en[i * q + j] == a.end() ? 1 : 0;
              total++;
            }
          }
        }
      }
    }
    return total == 0 ? 0 : (double) right / total;
  }

  /** {start, end} logits of each one-question input, unpadded. */
  static List<float[][]> score(SplinterModel model, List<SpanInput> inputs, int batchSize) {
    List<float[][]> out = new ArrayList<>(inputs.size());
    try (NDManager m = NDManager.newBaseManager();
        Tensors.Scope g = Tensors.noGrad()) {
      ParameterStore ps = new ParameterStore(m, false);
      for (int from = 0; from < inputs.size(); from += batchSize) {
        List<SpanInput> chunk = inputs.subList(from, Math.min(inputs.size(), from + batchSize));
        try (NDManager sub = m.newSubManager()) {
          SpanBatch b = SpanBatch.of(sub, chunk);
          SpanLogits l = model.forward(ps, b, false);
          int n = Math.toIntExact(l.start().getShape().get(2));
          int q = Math.toIntExact(l.start().getShape().get(1));
          float[] st = l.start().toFloatArray();
          float[] en = l.end().toFloatArray();
          for (int i = 0; i < chunk.size(); i++) {
            int len = chunk.get(i).length();
            float[] s = new float[len];
            float[] e = new float[len];
            System.arraycopy(st, i * q * n, s, 0, len);
            System.arraycopy(en, i * q * n, e, 0, len);
            out.add(new float[][] {s, e});
          }
        }
      }
    }
    return out;
  }
}
