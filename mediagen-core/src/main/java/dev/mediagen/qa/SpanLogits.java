package dev.mediagen.qa;

import ai.djl.ndarray.NDArray;

/**
 * Start and end logits of span selection, one row per question: {@code start[b, q, i]} scores
 * token {@code i} of sequence {@code b} as the first token of question {@code q}'s answer.
 *
 * @param start (B, Q, N)
 * @param end (B, Q, N)
 */
public record SpanLogits(NDArray start, NDArray end) {}
