package dev.mediagen.coref;

import dev.mediagen.text.MiniLmConfig;

/**
 * How {@link WordStates} runs the frozen encoder over a long document.
 *
 * @param maxTokens word pieces per encoder window, counting {@code [CLS]} and {@code [SEP]}; in [8,
 *     512] (512 is MiniLM's position table)
 * @param stride word pieces between consecutive window starts, in [1, maxTokens − 2]; windows
 *     overlap by {@code maxTokens − 2 − stride} pieces
 */
public record WordStatesConfig(int maxTokens, int stride) {

  public WordStatesConfig {
    if (maxTokens < 8 || maxTokens > MiniLmConfig.MODEL_MAX_TOKENS) {
      throw new IllegalArgumentException(
          "maxTokens %d is outside [8, %d]".formatted(maxTokens, MiniLmConfig.MODEL_MAX_TOKENS));
    }
    if (stride < 1 || stride > maxTokens - 2) {
      throw new IllegalArgumentException(
          "stride %d is outside [1, %d] (maxTokens − 2)".formatted(stride, maxTokens - 2));
    }
  }

  /** 512-piece windows every 255 pieces: each word sees at least ~127 pieces of context a side. */
  public static WordStatesConfig defaults() {
    return new WordStatesConfig(512, 255);
  }
}
