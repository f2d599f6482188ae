/**
 * PickScore (Kirstain et al., NeurIPS 2023; papers-language.md §1): a CLIP-style reward model fine-tuned on
 * human (here: simulated) preferences between two images of one prompt. Read in this order:
 *
 * <ol>
 *   <li>{@link dev.mediagen.pickscore.PickScoreModel} — the dual encoder and the score
 *       {@code s(x, y) = exp(τ)·cos(E_txt(x), E_img(y))} with a learned temperature; {@link
 *       dev.mediagen.pickscore.PickScoreConfig} its shape (the {@code small} preset: 32 px, a 32-64-64-channel
 *       image encoder, a 128-d joint space, words plus hashed bigrams).
 *   <li>{@link dev.mediagen.pickscore.PreferenceLoss} — the two objectives: CLIP's symmetric contrastive loss
 *       (pretraining, our "zero-shot CLIP analogue") and the paper's preference loss (softmax over the pair
 *       against the soft label, the log 0.5 offset for ties, 1 / examples-per-prompt weights).
 *   <li>{@link dev.mediagen.pickscore.PickScore} — the scorer with its vocabulary: {@code pretrain} on fresh
 *       ShapesWorld renders and captions (half of them with pixel noise, as web images vary in quality),
 *       {@code finetune} on judged {@link dev.mediagen.pickscore.PreferencePair}s with a {@link
 *       dev.mediagen.pickscore.Finetune} recipe, {@code scores}/{@code probabilities}, save and load.
 *   <li>{@link dev.mediagen.pickscore.PreferenceAccuracy} — the paper's tie-aware accuracy: the scorer calls
 *       a tie when {@code |p0 − p1| ≤ t} (t tuned on validation); an example scores 1 when call and label
 *       agree, 0.5 when exactly one of them is a tie, else 0.
 *   <li>{@link dev.mediagen.pickscore.Ratings} — Elo and Bradley–Terry ratings of generator backends with
 *       bootstrap intervals.
 * </ol>
 *
 * <p>The recipe beyond the paper, and why (measured in docs/RESULTS.md): the fine-tuning stage adds 0.3 × the
 * contrastive loss on fresh renders ("replay"). Without it, long fine-tuning learns the voters' taste for
 * clean images and forgets how to read the caption — the most accurate scorer on pairs becomes the worst
 * reranker, its best-of-16 picks less faithful than the zero-shot analogue's. The paper fine-tunes a far
 * larger model at a tiny learning rate (3e-6), which moves it little from CLIP; replay is our small-model
 * stand-in for staying close.
 *
 * <p>The arena (mediagen-arena) collects the pairs and runs the end-to-end measurement ({@code
 * PickScoreExperiment}); {@code ./mediagen pickscore train|eval|score} and {@code generate --best-of N} use this
 * package.
 */
package dev.mediagen.pickscore;
