package dev.mediagen.arena.gen;

/**
 * One entry of a backends file ({@code --backends FILE}, a JSON array of these).
 *
 * <pre>
 * [{"id": "small-g4", "type": "model", "checkpoint": "models/t2v-small", "steps": 30, "guidance": 4},
 *  {"id": "ref-noisy", "type": "shapes", "errorRate": 0.3, "noise": 0.08}]
 * </pre>
 *
 * @param id recorded as model_0/model_1; unique, 1..100 characters of [A-Za-z0-9._-]
 * @param type "model" (a text-to-video checkpoint sampled as an image) or "shapes" (the reference renderer)
 * @param checkpoint model: checkpoint directory (relative paths resolve against the project root)
 * @param steps model: ODE steps, 1..1000
 * @param guidance model: classifier-free guidance scale, 0..50
 * @param errorRate shapes: per-object attribute error probability, 0..1
 * @param noise shapes: Gaussian pixel noise sigma, 0..1
 * @param size shapes: image edge in pixels (default 32)
 */
public record BackendSpec(
    String id, String type, String checkpoint, Integer steps, Float guidance, Double errorRate, Double noise, Integer size) {
  public BackendSpec {
    if (id == null || !id.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new IllegalArgumentException("backend id '%s' must be 1..100 characters of [A-Za-z0-9._-]".formatted(id));
    }
    if (!"model".equals(type) && !"shapes".equals(type)) {
      throw new IllegalArgumentException("backend %s: type '%s' must be \"model\" or \"shapes\"".formatted(id, type));
    }
    if ("model".equals(type)) {
      if (checkpoint == null || checkpoint.isBlank()) throw new IllegalArgumentException("backend %s: a model needs \"checkpoint\"".formatted(id));
      if (steps == null || steps < 1 || steps > 1000) throw new IllegalArgumentException("backend %s: steps %s must be in [1, 1000]".formatted(id, steps));
      if (guidance == null || !(guidance >= 0 && guidance <= 50)) {
        throw new IllegalArgumentException("backend %s: guidance %s must be in [0, 50]".formatted(id, guidance));
      }
    }
  }

  /** A model backend. */
  public static BackendSpec model(String id, String checkpoint, int steps, float guidance) {
    return new BackendSpec(id, "model", checkpoint, steps, guidance, null, null, null);
  }

  /** A reference-renderer backend. */
  public static BackendSpec shapes(String id, double errorRate, double noise) {
    return new BackendSpec(id, "shapes", null, null, null, errorRate, noise, 32);
  }
}
