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
 * </ul>
 */
package dev.mediagen.coref;
