package dev.mediagen.flow;

import ai.djl.ndarray.NDArray;

/** A point on the flow-matching path and its regression target (flow_matching's {@code PathSample}). */
public record PathSample(NDArray xt, NDArray velocity) {}
