package dev.mediagen.arena.gen;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.mediagen.io.Json;
import dev.mediagen.video.VideoGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arena's backends, built from specs and health-checked: each makes one tiny image at start (two
 * ODE steps for a model) and a backend that fails is dropped with a message; fewer than two healthy
 * backends is an error, since every pair needs two. Owns the loaded checkpoints.
 */
public final class Backends implements AutoCloseable {
  private final List<Backend> healthy;
  private final List<String> problems;
  private final NDManager manager;
  private final List<VideoGenerator> generators;

  private Backends(List<Backend> healthy, List<String> problems, NDManager manager, List<VideoGenerator> generators) {
    this.healthy = List.copyOf(healthy);
    this.problems = List.copyOf(problems);
    this.manager = manager;
    this.generators = generators;
  }

  /** Four backends of the shipped checkpoint: guidance 1, 2.5 and 4 at 30 steps, and guidance 4 at 10 steps. */
  public static List<BackendSpec> defaults(Path checkpoint) {
    String c = checkpoint.toString();
    return List.of(
        BackendSpec.model("t2v-small.g1.s30", c, 30, 1f),
        BackendSpec.model("t2v-small.g2_5.s30", c, 30, 2.5f),
        BackendSpec.model("t2v-small.g4.s30", c, 30, 4f),
        BackendSpec.model("t2v-small.g4.s10", c, 10, 4f));
  }

  /** Four reference backends of decreasing quality (tests, simulations, the load benchmark). */
  public static List<BackendSpec> reference() {
    return List.of(
        BackendSpec.shapes("shapes.exact", 0, 0),
        BackendSpec.shapes("shapes.noisy", 0, 0.05),
        BackendSpec.shapes("shapes.sloppy", 0.35, 0.05),
        BackendSpec.shapes("shapes.bad", 0.7, 0.1));
  }

  /** Reads a backends file (a JSON array of {@link BackendSpec}). */
  public static List<BackendSpec> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) throw new IOException("backends file " + file + " does not exist");
    List<BackendSpec> specs;
    try {
      specs = Json.mapper().readValue(file.toFile(), new TypeReference<List<BackendSpec>>() {});
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      throw new IllegalArgumentException("backends file %s: %s".formatted(file, cause.getMessage()), e);
    }
    if (specs == null || specs.size() < 2) throw new IllegalArgumentException("backends file %s must list at least 2 backends".formatted(file));
    return specs;
  }

  /** Builds and health-checks {@code specs}; relative checkpoints resolve against {@code root}. */
  public static Backends start(List<BackendSpec> specs, Path root) throws IOException {
    Set<String> ids = new HashSet<>();
    for (BackendSpec s : specs) {
      if (!ids.add(s.id())) throw new IllegalArgumentException("backend id '%s' appears twice".formatted(s.id()));
    }
    NDManager manager = specs.stream().anyMatch(s -> s.type().equals("model")) ? NDManager.newBaseManager() : null;
    Map<Path, VideoGenerator> loaded = new LinkedHashMap<>();
    List<Backend> healthy = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (BackendSpec s : specs) {
      try {
        Backend b;
        if (s.type().equals("shapes")) {
          b = new ShapesBackend(s.id(), or(s.errorRate(), 0.0), or(s.noise(), 0.0), s.size() == null ? 32 : s.size());
          b.generate("a red circle", 0, null);
        } else {
          Path ck = root.resolve(s.checkpoint()).normalize();
          VideoGenerator g = loaded.get(ck);
          if (g == null) {
            g = VideoGenerator.load(ck, manager, 4);
            loaded.put(ck, g);
          }
          b = new ModelBackend(s.id(), g, s.steps(), s.guidance());
          new ModelBackend(s.id(), g, 2, s.guidance()).generate("a red circle", 0, null); // tiny health check
        }
        healthy.add(b);
      } catch (IOException | RuntimeException e) {
        problems.add("backend %s failed its health check: %s".formatted(s.id(), e.getMessage()));
      }
    }
    Backends out = new Backends(healthy, problems, manager, new ArrayList<>(loaded.values()));
    if (healthy.size() < 2) {
      out.close();
      throw new IOException("need at least 2 healthy backends, have %d: %s".formatted(healthy.size(), String.join("; ", problems)));
    }
    return out;
  }

  /** Backends built in memory (tests). */
  public static Backends of(List<Backend> backends) {
    if (backends.size() < 2) throw new IllegalArgumentException("need at least 2 backends, got " + backends.size());
    return new Backends(backends, List.of(), null, List.of());
  }

  public List<Backend> healthy() {
    return healthy;
  }

  /** Why backends were dropped at start (empty when all passed). */
  public List<String> problems() {
    return problems;
  }

  private static double or(Double v, double d) {
    return v == null ? d : v;
  }

  @Override
  public void close() {
    generators.forEach(VideoGenerator::close);
    if (manager != null) manager.close();
  }
}
