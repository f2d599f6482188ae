package dev.mediagen.arena.gen;

/**
 * One image a job made, ready to store.
 *
 * @param uid new image uid
 * @param modelId backend id, or "control"
 * @param seed noise seed
 * @param guidance guidance scale or null
 * @param steps ODE steps or null
 * @param control true for the deliberately bad control image
 * @param png encoded PNG
 */
public record GeneratedImage(String uid, String modelId, long seed, Float guidance, Integer steps, boolean control, byte[] png) {}
