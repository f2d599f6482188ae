package dev.mediagen.arena.db;

/**
 * A row of {@code rankings}: one judgement.
 *
 * @param id ranking_id
 * @param pairId the pair judged (unique: a vote is stored once)
 * @param createdAt epoch ms
 * @param userId who voted
 * @param image0 left image uid
 * @param image1 right image uid
 * @param best the preferred uid, or {@link #TIE}
 * @param kept the image that stays for the next round
 * @param prompt the prompt
 * @param control whether the pair was a control pair
 * @param controlFailed whether the voter preferred the control image
 */
public record Ranking(
    long id, String pairId, long createdAt, long userId, String image0, String image1, String best, String kept,
    String prompt, boolean control, boolean controlFailed) {
  /** best_image_uid of a tie (as in Pick-a-Pic). */
  public static final String TIE = "none";
}
