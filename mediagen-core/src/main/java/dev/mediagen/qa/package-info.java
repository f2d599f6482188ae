/**
 * Splinter few-shot QA (Ram et al., ACL 2021; papers-language.md §2): data, formats and metrics.
 *
 * <ul>
 *   <li>Tokens: {@link dev.mediagen.qa.QaTokenizer} (word-level, offsets, specials incl. {@code
 *       [QUESTION]}), {@link dev.mediagen.qa.Token}, {@link dev.mediagen.qa.Span} (inclusive),
 *       {@link dev.mediagen.qa.Offsets}.
 *   <li>Recurring span selection (§2.1): {@link dev.mediagen.qa.RecurringSpans}, {@link
 *       dev.mediagen.qa.RssConfig}, {@link dev.mediagen.qa.RssExample}, text from {@link
 *       dev.mediagen.qa.RssCorpus} (LitBank + generated passages), {@link
 *       dev.mediagen.qa.Stopwords}.
 *   <li>MRQA jsonl (§2.3): {@link dev.mediagen.qa.MrqaReader}, {@link dev.mediagen.qa.MrqaWriter},
 *       {@link dev.mediagen.qa.MrqaDataset}; few-shot subsets: {@link
 *       dev.mediagen.qa.FewShotSampler}.
 *   <li>The shippable dataset: {@link dev.mediagen.qa.FactGenerator} passages about invented people
 *       with held-out entities ({@link dev.mediagen.qa.EntitySplit}), as MRQA via {@link
 *       dev.mediagen.qa.QaDatasets}.
 *   <li>Evaluation: {@link dev.mediagen.qa.SquadMetric} (EM/F1), {@link
 *       dev.mediagen.qa.SlidingWindows} (max length, doc stride), {@link
 *       dev.mediagen.qa.SpanDecoder} (n-best spans from logits).
 * </ul>
 *
 * Everything here is plain Java; the encoder and the QASS head build on it.
 */
package dev.mediagen.qa;
