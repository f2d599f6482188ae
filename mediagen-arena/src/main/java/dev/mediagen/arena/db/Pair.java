package dev.mediagen.arena.db;

/**
 * A row of {@code pairs}: two images shown side by side, left = image 0.
 *
 * @param id pair_id (a UUID; the vote's idempotency key)
 * @param userId who sees it
 * @param prompt the prompt
 * @param image0 left image uid
 * @param image1 right image uid
 * @param incumbent the image kept from the previous round of this prompt, or null
 * @param control the control image's uid when this is a control pair, else null
 * @param createdAt epoch ms
 */
public record Pair(String id, long userId, String prompt, String image0, String image1, String incumbent, String control, long createdAt) {}
