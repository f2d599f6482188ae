package dev.mediagen.nn;

import ai.djl.ndarray.NDArray;

/** The six adaLN-Zero vectors of one transformer block (DiT), each (B, D). */
public record Modulation(
    NDArray shiftMsa, NDArray scaleMsa, NDArray gateMsa, NDArray shiftMlp, NDArray scaleMlp, NDArray gateMlp) {}
