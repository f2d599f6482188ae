/**
 * "A Few More Examples May Be Worth Billions of Parameters" (Kirstain et al., Findings EMNLP 2022;
 * papers-language.md §4): the four task formats built from one set of generated facts ({@link
 * dev.mediagen.sweep.Formats}, {@link dev.mediagen.sweep.TaskExample}), the few-shot train/dev
 * carve ({@link dev.mediagen.sweep.FewShot}), the grid ({@link dev.mediagen.sweep.SweepGrid}),
 * resumable results ({@link dev.mediagen.sweep.ResultsStore}), aggregation over seeds ({@link
 * dev.mediagen.sweep.ResultsAggregator}) and the params-vs-examples regression ({@link
 * dev.mediagen.sweep.ScalingFit}). The runner that trains models per cell builds on these.
 */
package dev.mediagen.sweep;
