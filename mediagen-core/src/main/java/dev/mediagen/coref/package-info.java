/**
 * s2e coreference (Kirstain, Ram and Levy, ACL 2021) and everything around it that works on real
 * data.
 *
 * <ul>
 *   <li>{@link dev.mediagen.coref.ConllReader} / {@link dev.mediagen.coref.ConllWriter}: the
 *       CoNLL-2012 format (LitBank's variant included) as {@link dev.mediagen.coref.CorefDocument}s
 *       whose clusters are lists of inclusive token spans ({@link dev.mediagen.coref.Mention}) over
 *       the document.
 *   <li>{@link dev.mediagen.coref.CorefScorer}: MUC, B³, CEAF-e and the CoNLL average with the
 *       semantics of the reference scorer {@code scorer.pl} v8.01
 *       (conll/reference-coreference-scorers), checked against that scorer's own test cases.
 *   <li>{@link dev.mediagen.coref.CorefBaselines} and {@link dev.mediagen.coref.LitbankSplit}: the
 *       trivial baselines any learned model has to beat, and the fixed document split they are
 *       measured on.
 *   <li>The model, {@link dev.mediagen.coref.S2eCoref} ({@link dev.mediagen.coref.S2eConfig}), one
 *       class per block: {@link dev.mediagen.coref.WordStates} (frozen MiniLM over windows),
 *       {@link dev.mediagen.coref.DocumentEncoder}, {@link dev.mediagen.coref.FcHead}, {@link
 *       dev.mediagen.coref.MentionScorer}, {@link dev.mediagen.coref.MentionPruner}, {@link
 *       dev.mediagen.coref.AntecedentScorer}, {@link dev.mediagen.coref.S2eLoss}, {@link
 *       dev.mediagen.coref.GreedyDecoder}; outputs {@link dev.mediagen.coref.CorefOutput}.
 *   <li>Training and use: {@link dev.mediagen.coref.TrainCoref} ({@link
 *       dev.mediagen.coref.CorefTrainConfig}, {@link dev.mediagen.coref.CorefCheckpoint}), {@link
 *       dev.mediagen.coref.EvalCoref} (model and baselines under the same mentions), {@link
 *       dev.mediagen.coref.CorefDecoding}, {@link dev.mediagen.coref.PlainText} (tokenizer and
 *       sentence splitter for plain-text input).
 *   <li>{@link dev.mediagen.coref.SpanPairBaseline}: the span-representation model s2e replaces,
 *       for the memory benchmark {@link dev.mediagen.coref.CorefMemoryBench}.
 * </ul>
 */
package dev.mediagen.coref;
