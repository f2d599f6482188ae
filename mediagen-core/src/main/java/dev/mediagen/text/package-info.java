/**
 * Text front-ends for Movie Gen-style conditioning: the tokens the denoiser cross-attends to.
 *
 * <h2>Movie Gen's design (papers-media.md §1.1 d)</h2>
 *
 * Movie Gen conditions on the <em>token-level</em> states of three text encoders at once: UL2
 * (text-only reasoning), Long-prompt MetaCLIP (a CLIP text tower fine-tuned to 256 tokens, for
 * visual alignment) and ByT5 (character level, fed only the quoted "visual text" that should be
 * rendered in the video). Each encoder's states go through their own Linear + LayerNorm to the
 * model width, and the three sequences are <b>concatenated along the sequence axis</b>; the result
 * is the keys/values of every cross-attention layer. Frame rate is controlled by prepending an
 * {@code "FPS-16"}-style token to the prompt.
 *
 * <h2>Ours, at CPU scale</h2>
 *
 * <pre>
 *   prompt ─ Prompts.withFps ─► FPS-8 a red circle moves left under a sign reading "42"
 *    ├─ MiniLmEncoder (frozen MiniLM, ONNX)    → (B, L1, 384) ─ Linear+LN ─┐
 *    ├─ WordTokenizer → word encoder (trained) → (B, L2, d)   ─ Linear+LN ─┼─ concat on L
 *    └─ CharTokenizer.quoted → char encoder    → (B, L3, d)   ─ Linear+LN ─┘  → context
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.mediagen.text.MiniLmEncoder}: frozen pretrained encoder (stands in for UL2 /
 *       MetaCLIP); returns {@link dev.mediagen.text.TokenStates} (B, L, 384) with lengths, zero at
 *       padding, never truncating.
 *   <li>{@link dev.mediagen.text.WordTokenizer}: lowercase word/punctuation ids for the small
 *       trainable encoder, with fixed specials {@code [PAD] [UNK] [BOS] [EOS]} and one token per
 *       frame rate {@code [FPS-1]..[FPS-60]}; returns {@link dev.mediagen.text.Encoded} batches.
 *   <li>{@link dev.mediagen.text.CharTokenizer}: ByT5-style byte ids of the quoted spans (the ByT5
 *       path); {@code [EOS]} alone when a prompt quotes nothing.
 *   <li>{@link dev.mediagen.text.Prompts}: prompt validation/normalisation and the FPS token.
 * </ul>
 *
 * <p>Every encoder's sequence carries its own mask, and none is ever empty (MiniLM always has
 * {@code [CLS] [SEP]}, words {@code [BOS] [EOS]}, chars {@code [EOS]}), so the concatenated context
 * has no all-masked rows, even for classifier-free guidance's empty caption. Over-long inputs are
 * rejected with a message naming the length and the limit, never silently truncated.
 */
package dev.mediagen.text;
