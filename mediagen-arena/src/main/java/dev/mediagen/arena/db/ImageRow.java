package dev.mediagen.arena.db;

/**
 * A row of {@code images}: one generated (or control) image.
 *
 * @param uid image_uid (a UUID), also the exported PNG's file name
 * @param createdAt epoch ms
 * @param userId who asked for it
 * @param jobId the generation job that made it
 * @param prompt the prompt as typed
 * @param seed noise seed
 * @param guidance guidance scale (null for backends without one)
 * @param steps ODE steps (null for backends without steps)
 * @param modelId the backend id (model_0/model_1 in the export; "control" for control images)
 * @param control true for a deliberately bad control image
 * @param png the image bytes
 */
public record ImageRow(
    String uid, long createdAt, long userId, String jobId, String prompt, long seed, Float guidance,
    Integer steps, String modelId, boolean control, byte[] png) {}
