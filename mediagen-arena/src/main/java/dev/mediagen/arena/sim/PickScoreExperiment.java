package dev.mediagen.arena.sim;

import dev.mediagen.arena.gen.Backend;
import dev.mediagen.pickscore.Finetune;
import dev.mediagen.pickscore.Finetuned;
import dev.mediagen.pickscore.PickScore;
import dev.mediagen.pickscore.PickScoreConfig;
import dev.mediagen.pickscore.PreferenceAccuracy;
import dev.mediagen.pickscore.PreferencePair;
import dev.mediagen.pickscore.Ratings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The PickScore measurement on simulated preferences: collect train / validation_unique / test_unique
 * pairs from disjoint synthetic voters, pretrain the CLIP analogue, fine-tune a copy on the train pairs,
 * tune each scorer's tie threshold on validation and report tie-aware test accuracy against the zero-shot
 * analogue and the random baseline; then rate the four reference backends by Elo from the voters'
 * judgements and from each scorer's judgements of the same pairs, against the oracle order.
 */
public final class PickScoreExperiment {
  /**
   * @param trainUsers voters whose pairs train PickScore
   * @param evalUsers voters of validation and of test (each)
   * @param pairsPerUser judgements per voter
   * @param pretrainSteps contrastive steps (at the fine-tuning batch size)
   * @param bestOfPrompts fresh prompts of the best-of-N measurement
   * @param model the dual encoder's shape
   * @param finetune the preference stage; its seed seeds everything (voters, data, initialisation, batches)
   */
  public record Options(int trainUsers, int evalUsers, int pairsPerUser, int pretrainSteps, int bestOfPrompts, PickScoreConfig model,
      Finetune finetune) {
    public Options {
      positive("train users", trainUsers);
      positive("eval users", evalUsers);
      if (trainUsers > VALIDATION_USERS) throw new IllegalArgumentException("train users %d must be <= %d".formatted(trainUsers, VALIDATION_USERS));
      if (evalUsers > TEST_USERS - VALIDATION_USERS) throw new IllegalArgumentException("eval users %d must be <= %d".formatted(evalUsers, TEST_USERS - VALIDATION_USERS));
      positive("pairs per user", pairsPerUser);
      positive("best-of-N prompts", bestOfPrompts);
      if (pretrainSteps < 0) throw new IllegalArgumentException("pretraining steps %d must be >= 0".formatted(pretrainSteps));
      java.util.Objects.requireNonNull(model, "model");
      java.util.Objects.requireNonNull(finetune, "finetune");
    }

    public long seed() {
      return finetune.seed();
    }

    private static void positive(String name, int v) {
      if (v < 1) throw new IllegalArgumentException("%s %d must be >= 1".formatted(name, v));
    }

    /**
     * The measured setting (docs/RESULTS.md): 96,000 training pairs from 4,800 voters, 6,400 steps at batch 64
     * (about four passes) of the paper's loss plus 0.3 × contrastive replay, 200 voters each for validation and test.
     */
    public static Options small() {
      return new Options(4800, 200, 20, 800, 3000, PickScore.smallConfig(), new Finetune(6400, 64, 3e-4f, 0.3f, 0, false, 1));
    }
  }

  /**
   * @param accuracy tie-aware test_unique accuracy of each scorer ("random", "oracle" — the hidden utility under
   *     the mean voter's taste, a ceiling —, "zero-shot", "pickscore")
   * @param threshold tie threshold tuned on validation_unique
   * @param eloSpearman Spearman of each judge's Elo (bootstrap mean) with the oracle order of the backends
   * @param elo bootstrap Elo of each judge ("voters", "zero-shot", "pickscore") by backend
   * @param eloPearsonWithVoters Pearson of each scorer's Elo with the voters' Elo
   * @param bestOfN mean oracle utility (mean voter) of the image each scorer picks among N seeds of the
   *     sloppy backend, by scorer and N (N = 1 is a random sample), with the paired standard errors of the gains
   * @param accuracyByPair test_unique accuracy of "oracle", "zero-shot" and "pickscore" by the pair's two backends
   *     (sorted ids joined by "|"): where a scorer falls short of the ceiling
   */
  public record Result(int train, int validation, int test, double tieFraction, Map<String, Double> accuracy, Map<String, Double> threshold,
      Map<String, Double> eloSpearman, Map<String, Map<String, Ratings.Rating>> elo, Map<String, Double> eloPearsonWithVoters,
      Map<String, BestOfN> bestOfN, Map<String, Map<String, Double>> accuracyByPair, double seconds) {}

  /**
   * Index of the first validation and of the first test voter: fixed, so that runs with different numbers of
   * training voters ({@code 0 .. trainUsers − 1}, fewer than {@value #VALIDATION_USERS}) are scored on the same
   * held-out voters and their accuracies are paired.
   */
  public static final int VALIDATION_USERS = 1_000_000, TEST_USERS = 2_000_000;

  /** Candidates per prompt in the best-of-N measurement. */
  public static final int[] BEST_OF = {1, 4, 16};

  private PickScoreExperiment() {}

  public static Result run(Options o, PickScore pretrained, Consumer<String> log) {
    long t0 = System.nanoTime();
    List<Backend> backends = SimulatedPreferences.referenceBackends(32);
    List<PreferencePair> train = SimulatedPreferences.collect(backends, 0, o.trainUsers(), o.pairsPerUser(), false, o.seed());
    List<PreferencePair> val = SimulatedPreferences.collect(backends, VALIDATION_USERS, o.evalUsers(), o.pairsPerUser(), true, o.seed());
    List<PreferencePair> testAll = SimulatedPreferences.collect(backends, TEST_USERS, o.evalUsers(), o.pairsPerUser(), false, o.seed());
    List<PreferencePair> test = SimulatedPreferences.unique(testAll);
    log.accept("pairs: train %d, validation_unique %d, test %d, test_unique %d (%.0f s)".formatted(train.size(), val.size(), testAll.size(), test.size(),
        (System.nanoTime() - t0) / 1e9));

    PickScore clip = pretrained;
    if (clip == null) {
      clip = PickScore.create(o.seed(), o.model());
      clip.pretrain(o.pretrainSteps(), o.finetune().batch(), 2e-3f, o.seed(), (step, loss) -> {
        if (step % 250 == 0) log.accept("pretrain step %d contrastive loss %.3f".formatted(step, loss));
      });
    }
    try (PickScore tuned = clip.copy()) {
      Finetuned done = tuned.finetune(train, o.finetune(), val, (step, loss) -> {
        if (step % 200 == 0) log.accept("finetune step %d preference loss %.3f".formatted(step, loss));
      });
      if (o.finetune().selectEvery() > 0) {
        log.accept("kept the fine-tuning weights of step %d (validation_unique accuracy %.3f)".formatted(done.selectedStep(), done.selectedAccuracy()));
      }
      float[] valLabels = PreferencePair.labels(val);
      float[] testLabels = PreferencePair.labels(test);
      double ties = PreferenceAccuracy.tieFraction(testLabels);
      Map<String, Double> acc = new LinkedHashMap<>();
      Map<String, Double> thr = new LinkedHashMap<>();
      thr.put("random", 1.0);
      acc.put("random", PreferenceAccuracy.randomBaseline(ties, 1));
      // the ceiling: the oracle's noise-free utility under the population's mean taste (no per-voter taste, no noise)
      double[] oracleVal = oracleProbabilities(val);
      thr.put("oracle", PreferenceAccuracy.tune(oracleVal, valLabels));
      double[] oracleTest = oracleProbabilities(test);
      acc.put("oracle", PreferenceAccuracy.accuracy(oracleTest, testLabels, thr.get("oracle")));
      Map<String, Map<String, Double>> byPair = new LinkedHashMap<>();
      byPair.put("oracle", byPair(test, oracleTest, thr.get("oracle")));
      Map<String, List<Ratings.Match>> matches = new LinkedHashMap<>();
      // ratings from the held-out test users' pairs (all of them, not one per prompt): no scorer trained on them
      matches.put("voters", matches(testAll, PreferencePair.labels(testAll)));
      for (var e : Map.of("zero-shot", clip, "pickscore", tuned).entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())).toList()) {
        double t = PreferenceAccuracy.tune(e.getValue().probabilities(val), valLabels);
        thr.put(e.getKey(), t);
        double[] pTest = e.getValue().probabilities(test);
        acc.put(e.getKey(), PreferenceAccuracy.accuracy(pTest, testLabels, t));
        byPair.put(e.getKey(), byPair(test, pTest, t));
        matches.put(e.getKey(), matches(testAll, judgements(e.getValue().probabilities(testAll), t)));
      }
      Map<String, Double> oracleOrder = new LinkedHashMap<>();
      for (int i = 0; i < backends.size(); i++) oracleOrder.put(backends.get(i).id(), (double) (backends.size() - i));
      Map<String, Map<String, Ratings.Rating>> elo = new LinkedHashMap<>();
      Map<String, Double> spearman = new LinkedHashMap<>();
      Map<String, Map<String, Double>> means = new LinkedHashMap<>();
      for (var e : matches.entrySet()) {
        Map<String, Ratings.Rating> r = Ratings.bootstrap(e.getValue(), false, 100, o.seed());
        elo.put(e.getKey(), r);
        Map<String, Double> mean = new LinkedHashMap<>();
        r.forEach((k, v) -> mean.put(k, v.mean()));
        means.put(e.getKey(), mean);
        spearman.put(e.getKey(), Ratings.spearman(mean, oracleOrder));
      }
      Map<String, Double> pearson = new LinkedHashMap<>();
      for (String s : List.of("zero-shot", "pickscore")) {
        List<String> ids = new ArrayList<>(oracleOrder.keySet());
        pearson.put(s, Ratings.pearson(ids.stream().mapToDouble(means.get("voters")::get).toArray(), ids.stream().mapToDouble(means.get(s)::get).toArray()));
      }
      Map<String, BestOfN> best = new LinkedHashMap<>();
      best.put("zero-shot", bestOfN(clip, backends.get(2), o.bestOfPrompts(), o.seed()));
      best.put("pickscore", bestOfN(tuned, backends.get(2), o.bestOfPrompts(), o.seed()));
      return new Result(train.size(), val.size(), test.size(), ties, acc, thr, spearman, elo, pearson, best, byPair, (System.nanoTime() - t0) / 1e9);
    } finally {
      if (pretrained == null) clip.close();
    }
  }

  /**
   * Best-of-N reranking over the same prompts for every N.
   *
   * @param mean mean oracle utility (mean voter) of the kept image, by N
   * @param gainSe standard error of the per-prompt gain over the previous N (paired: same prompts and seeds), by N
   *     (absent for the first N)
   * @param faithfulness mean share of the caption the checker confirms in the kept image, by N (the rest of the
   *     utility is quality): where a reranker that stops reading the caption loses
   */
  public record BestOfN(Map<Integer, Double> mean, Map<Integer, Double> gainSe, Map<Integer, Double> faithfulness) {}

  /**
   * Best-of-N reranking: for {@code prompts} fresh captions, draw 16 seeds from {@code backend}, and for each N
   * keep the highest-scoring of the first N; reports the mean oracle utility (mean voter) of the kept images.
   */
  public static BestOfN bestOfN(PickScore scorer, Backend backend, int prompts, long seed) {
    PreferenceOracle oracle = new PreferenceOracle();
    dev.mediagen.world.SceneSampler sampler = new dev.mediagen.world.SceneSampler(dev.mediagen.world.WorldConfig.defaults().withSize(backend.size()));
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed ^ 0x5eed_0f_bE57L);
    int max = BEST_OF[BEST_OF.length - 1];
    double[][] u = new double[BEST_OF.length][prompts]; // utility of the kept image, by N and prompt
    double[][] f = new double[BEST_OF.length][prompts]; // its faithfulness
    for (int p = 0; p < prompts; p++) {
      String caption = dev.mediagen.world.Captioner.caption(sampler.sampleImage(rng, dev.mediagen.world.Split.TEST_SEEN), rng);
      List<dev.mediagen.world.Video> candidates = new ArrayList<>();
      for (int i = 0; i < max; i++) candidates.add(dev.mediagen.world.Video.of(List.of(backend.generate(caption, rng.nextLong(), null))));
      float[] s = scorer.scores(java.util.Collections.nCopies(max, caption), candidates);
      for (int k = 0; k < BEST_OF.length; k++) {
        int arg = 0;
        for (int i = 1; i < BEST_OF[k]; i++) if (s[i] > s[arg]) arg = i;
        PreferenceOracle.Terms t = oracle.terms(caption, candidates.get(arg).frame(0));
        f[k][p] = t.faithfulness();
        u[k][p] = t.utility(VoterProfile.MEAN); // the mean voter: no taste, no noise
      }
    }
    Map<Integer, Double> means = new LinkedHashMap<>();
    Map<Integer, Double> se = new LinkedHashMap<>();
    Map<Integer, Double> faith = new LinkedHashMap<>();
    for (int k = 0; k < BEST_OF.length; k++) {
      means.put(BEST_OF[k], java.util.Arrays.stream(u[k]).average().orElse(Double.NaN));
      faith.put(BEST_OF[k], java.util.Arrays.stream(f[k]).average().orElse(Double.NaN));
      if (k > 0) {
        double[] gain = new double[prompts];
        for (int p = 0; p < prompts; p++) gain[p] = u[k][p] - u[k - 1][p];
        se.put(BEST_OF[k], standardError(gain));
      }
    }
    return new BestOfN(means, se, faith);
  }

  /** Standard error of the mean of {@code x} (sample standard deviation / √n). */
  static double standardError(double[] x) {
    double m = java.util.Arrays.stream(x).average().orElse(Double.NaN);
    double ss = 0;
    for (double v : x) ss += (v - m) * (v - m);
    return Math.sqrt(ss / (x.length - 1) / x.length);
  }

  /** Tie-aware accuracy of {@code p0} on the pairs of each backend pair (sorted ids joined by "|"). */
  static Map<String, Double> byPair(List<PreferencePair> pairs, double[] p0, double threshold) {
    Map<String, List<Integer>> groups = new java.util.TreeMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      PreferencePair q = pairs.get(i);
      String key = q.model0().compareTo(q.model1()) <= 0 ? q.model0() + "|" + q.model1() : q.model1() + "|" + q.model0();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    groups.forEach((key, idx) -> {
      double[] p = idx.stream().mapToDouble(i -> p0[i]).toArray();
      out.put(key, PreferenceAccuracy.accuracy(p, PreferencePair.labels(idx.stream().map(pairs::get).toList()), threshold));
    });
    return out;
  }

  /** p0 from the oracle's utility difference under the mean voter (scale 0.05 utility units). */
  static double[] oracleProbabilities(List<PreferencePair> pairs) {
    PreferenceOracle oracle = new PreferenceOracle();
    VoterProfile mean = VoterProfile.MEAN;
    double[] p = new double[pairs.size()];
    for (int i = 0; i < p.length; i++) {
      PreferencePair q = pairs.get(i);
      double d = oracle.utility(q.caption(), q.image0().frame(0), mean) - oracle.utility(q.caption(), q.image1().frame(0), mean);
      p[i] = 1 / (1 + Math.exp(-d / 0.05));
    }
    return p;
  }

  /** A scorer's verdicts as labels: tie within the threshold, else the likelier image. */
  static float[] judgements(double[] p0, double t) {
    float[] l = new float[p0.length];
    for (int i = 0; i < l.length; i++) l[i] = Math.abs(2 * p0[i] - 1) <= t + 1e-12 ? 0.5f : p0[i] > 0.5 ? 1f : 0f;
    return l;
  }

  static List<Ratings.Match> matches(List<PreferencePair> pairs, float[] label0) {
    List<Ratings.Match> out = new ArrayList<>(pairs.size());
    for (int i = 0; i < label0.length; i++) out.add(new Ratings.Match(pairs.get(i).model0(), pairs.get(i).model1(), label0[i]));
    return out;
  }
}
