package dev.mediagen.coref;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The s2e evaluation with the heuristic baselines under the <b>same mentions</b>, so that every
 * comparison is fair:
 *
 * <ul>
 *   <li><b>end to end</b> (the headline): the model finds and links its own mentions; the baselines
 *       ({@link CorefBaselines}: all singletons, exact string match) cluster the <em>model's
 *       predicted mentions</em>. Mention detection is then shared, and the comparison measures
 *       only how the mentions are grouped.
 *   <li><b>gold mentions</b>: the model links the gold mentions ({@link CorefDecoding.Setting#GOLD_MENTIONS})
 *       and the baselines cluster the same gold mentions (the numbers {@code coref baseline}
 *       reports).
 * </ul>
 *
 * Each is scored with singletons kept (LitBank annotates them; the CoNLL F1 LitBank papers report)
 * and, end to end, also without singletons (the OntoNotes convention s2e's own numbers use).
 *
 * @param model end-to-end scores of the model (singletons kept)
 * @param baselines end-to-end baselines over the model's mentions: "singletons", "string_match"
 * @param noSingletons the same three end-to-end predictions scored without singletons: "model",
 *     "singletons", "string_match"
 * @param goldMentions the gold-mention setting: "model", "singletons", "string_match"
 * @param mentions mention detection of the end-to-end model against the gold mentions
 * @param documents number of documents evaluated
 */
public record EvalCoref(
    Scores model, Map<String, Scores> baselines, Map<String, Scores> noSingletons,
    Map<String, Scores> goldMentions, Prf mentions, int documents) {

  /** Evaluates a model on documents with their frozen states. */
  public static EvalCoref run(
      S2eCoref model, ParameterStore ps, NDManager root, List<CorefDocument> gold, List<float[]> states) {
    List<CorefDocument> e2e = new ArrayList<>();
    List<CorefDocument> withGold = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      e2e.add(CorefDecoding.predict(model, ps, root, gold.get(i), states.get(i), CorefDecoding.Setting.END_TO_END));
      withGold.add(CorefDecoding.predict(model, ps, root, gold.get(i), states.get(i), CorefDecoding.Setting.GOLD_MENTIONS));
    }
    return of(gold, e2e, withGold);
  }

  /** Scores given predictions (end to end and over gold mentions) with the baselines beside them. */
  public static EvalCoref of(List<CorefDocument> gold, List<CorefDocument> e2e, List<CorefDocument> withGold) {
    List<CorefDocument> singletons = new ArrayList<>();
    List<CorefDocument> stringMatch = new ArrayList<>();
    int tp = 0;
    int predicted = 0;
    int actual = 0;
    for (int i = 0; i < gold.size(); i++) {
      CorefDocument p = e2e.get(i);
      List<Mention> mentions = p.mentions(); // the model's own mentions
      singletons.add(p.withClusters(CorefBaselines.allSingletons(mentions)));
      stringMatch.add(p.withClusters(CorefBaselines.exactStringMatch(p.tokens(), mentions)));
      Set<Mention> g = new HashSet<>(gold.get(i).mentions());
      Set<Mention> m = new HashSet<>(mentions);
      predicted += m.size();
      actual += g.size();
      m.retainAll(g);
      tp += m.size();
    }
    Map<String, Scores> baselines = new LinkedHashMap<>();
    baselines.put("singletons", CorefScorer.score(gold, singletons, true));
    baselines.put("string_match", CorefScorer.score(gold, stringMatch, true));
    Map<String, Scores> noSingletons = new LinkedHashMap<>();
    noSingletons.put("model", CorefScorer.score(gold, e2e, false));
    noSingletons.put("singletons", CorefScorer.score(gold, singletons, false));
    noSingletons.put("string_match", CorefScorer.score(gold, stringMatch, false));
    Map<String, Scores> goldMentions = new LinkedHashMap<>();
    goldMentions.put("model", CorefScorer.score(gold, withGold, true));
    goldMentions.put("singletons", CorefScorer.score(gold, gold.stream().map(CorefBaselines::allSingletons).toList(), true));
    goldMentions.put("string_match", CorefScorer.score(gold, gold.stream().map(CorefBaselines::exactStringMatch).toList(), true));
    return new EvalCoref(
        CorefScorer.score(gold, e2e, true), baselines, noSingletons, goldMentions, Prf.of(tp, predicted, tp, actual),
        gold.size());
  }

  /** The scorer's JSON of one result: {@code {"muc": {"p", "r", "f1"}, "bcub", "ceafe", "conll_f1"}}. */
  public static Map<String, Object> json(Scores s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("muc", json(s.muc()));
    out.put("bcub", json(s.bcub()));
    out.put("ceafe", json(s.ceafe()));
    out.put("conll_f1", s.conllF1());
    return out;
  }

  private static Map<String, Object> json(Prf prf) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("p", prf.p());
    out.put("r", prf.r());
    out.put("f1", prf.f1());
    return out;
  }

  private static Map<String, Object> json(Map<String, Scores> scores) {
    Map<String, Object> out = new LinkedHashMap<>();
    scores.forEach((k, v) -> out.put(k, json(v)));
    return out;
  }

  /**
   * The report as JSON: the model's end-to-end scorer JSON at top level, {@code "baselines"} (over
   * the model's mentions), {@code "no_singletons"}, {@code "gold_mentions"}, {@code "mentions"}
   * and {@code "documents"}, plus the caller's {@code extra} entries.
   */
  public Map<String, Object> toJson(Map<String, Object> extra) {
    Map<String, Object> out = new LinkedHashMap<>(json(model));
    out.put("baselines", json(baselines));
    out.put("no_singletons", json(noSingletons));
    out.put("gold_mentions", json(goldMentions));
    out.put("mentions", json(mentions));
    out.put("documents", documents);
    out.putAll(extra);
    return out;
  }
}
