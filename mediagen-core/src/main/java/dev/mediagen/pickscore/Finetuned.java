package dev.mediagen.pickscore;

/**
 * What {@link PickScore#finetune} did.
 *
 * @param loss the last step's preference loss
 * @param selectedStep the step whose weights were kept under selection (0: the weights before fine-tuning;
 *     {@code steps} without selection)
 * @param selectedAccuracy their validation accuracy (NaN without selection)
 */
public record Finetuned(float loss, int selectedStep, double selectedAccuracy) {}
