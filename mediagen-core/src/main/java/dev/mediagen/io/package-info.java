/**
 * The project's file I/O: everything that writes a file people or other tools will read.
 *
 * <ul>
 *   <li>{@link dev.mediagen.io.AtomicFiles}: every writer here goes through it, so a crash or an
 *       exception never leaves a half-written file at the target (temp file in the same directory,
 *       fsync, atomic rename).
 *   <li>{@link dev.mediagen.io.Safetensors}: checkpoint tensors in the safetensors format,
 *       byte-identical to the reference (Hugging Face) writer, with BF16/F16 widened to float on
 *       read in pure Java (DJL's own BF16 path aborts the JVM, STACK-engine.md P3).
 *   <li>{@link dev.mediagen.io.ImageFiles}, {@link dev.mediagen.io.GifWriter}, {@link
 *       dev.mediagen.io.Mp4Writer}, {@link dev.mediagen.io.MediaWriter}, {@link
 *       dev.mediagen.io.Grids}: pictures and videos (PNG, animated GIF, H.264 MP4 via Debian's
 *       {@code ffmpeg} with a GIF fallback), and sample grids.
 *   <li>{@link dev.mediagen.io.Plots}, {@link dev.mediagen.io.HtmlReport}, {@link
 *       dev.mediagen.io.Json}: headless charts, a static HTML report, deterministic JSON.
 * </ul>
 *
 * <p>All outputs are byte-deterministic: the same input gives the same bytes (checked by tests), so
 * results can be compared by hash and committed fixtures stay stable.
 */
package dev.mediagen.io;
