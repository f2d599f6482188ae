package dev.mediagen.arena.gen;

import dev.mediagen.world.Renderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import javax.imageio.ImageIO;

/**
 * The single-worker generation queue (Pick-a-Pic's job queue): a job makes {@code imagesPerJob} images
 * for one prompt, each from a different backend while backends last (a shuffled order, cycled), plus,
 * with probability {@code controlShare}, one control image (the prompt rendered wrong) at a random
 * place. Listeners get the queue position, progress and an ETA (an exponential moving average of job
 * times, as the original app showed) on every change. All random draws come from one seeded generator.
 */
public final class GenerationQueue implements AutoCloseable {
  /** Persists a finished job's images and returns what the client should see next (the pair). */
  public interface Sink {
    Object store(Job job, List<GeneratedImage> images);
  }

  /** A request the queue refuses (full, or the user already has too many jobs waiting). */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  private final List<Backend> backends;
  private final int imagesPerJob;
  private final double controlShare;
  private final int maxQueued;
  private final int maxPerUser;
  private final Sink sink;
  private final SplittableRandom rng;
  private final LinkedBlockingDeque<Job> waiting = new LinkedBlockingDeque<>();
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Thread worker;
  private volatile Job running;
  private volatile double emaSeconds = 1.0;
  private volatile boolean closed;

  public GenerationQueue(
      List<Backend> backends, int imagesPerJob, double controlShare, int maxQueued, int maxPerUser, long seed, Sink sink) {
    if (backends.size() < 2) throw new IllegalArgumentException("need at least 2 backends, got " + backends.size());
    this.backends = List.copyOf(backends);
    this.imagesPerJob = imagesPerJob;
    this.controlShare = controlShare;
    this.maxQueued = maxQueued;
    this.maxPerUser = maxPerUser;
    this.sink = sink;
    this.rng = new SplittableRandom(seed);
    this.worker = new Thread(this::work, "arena-generation");
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues a job for {@code prompt}; throws {@link Refused} when the queue or the user's share is full. */
  public synchronized Job submit(long userId, String prompt) {
    if (closed) throw new Refused("the server is shutting down");
    long mine = waiting.stream().filter(j -> j.userId() == userId).count()
        + (running != null && running.userId() == userId ? 1 : 0);
    if (mine >= maxPerUser) {
      throw new Refused("you already have %d generation job(s) waiting; the limit is %d".formatted(mine, maxPerUser));
    }
    if (waiting.size() >= maxQueued) throw new Refused("the generation queue is full (%d jobs); try again shortly".formatted(maxQueued));
    Job job = new Job(UUID.randomUUID().toString(), userId, prompt);
    jobs.put(job.id(), job);
    waiting.add(job);
    job.publish(queuedStatus(job));
    return job;
  }

  public Optional<Job> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Jobs waiting plus the running one. */
  public int length() {
    return waiting.size() + (running != null ? 1 : 0);
  }

  private Job.Status queuedStatus(Job job) {
    int position = 1;
    for (Job j : waiting) {
      if (j == job) break;
      position++;
    }
    int ahead = position - 1 + (running != null ? 1 : 0);
    return new Job.Status(job.id(), Job.State.QUEUED, position, length(), 0, (ahead + 1) * emaSeconds, 0, null, null);
  }

  private void work() {
    while (!closed) {
      Job job;
      try {
        job = waiting.take();
      } catch (InterruptedException e) {
        return;
      }
      running = job;
      waiting.forEach(j -> j.publish(queuedStatus(j))); // everyone moved up one place
      long start = System.nanoTime();
      try {
        List<GeneratedImage> images = generate(job, start);
        Object result = sink.store(job, images);
        job.publish(new Job.Status(job.id(), Job.State.DONE, 0, length() - 1, 1, 0, images.size(), null, result));
      } catch (RuntimeException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        job.publish(new Job.Status(job.id(), Job.State.FAILED, 0, length() - 1, 0, 0, 0, "generation failed: " + why, null));
      } finally {
        double took = (System.nanoTime() - start) / 1e9;
        emaSeconds = 0.5 * took + 0.5 * emaSeconds; // the original app's estimate
        running = null;
        if (jobs.size() > 10_000) jobs.values().removeIf(j -> j.status().terminal()); // bounded memory
      }
    }
  }

  private List<GeneratedImage> generate(Job job, long start) {
    List<Backend> order;
    boolean control;
    long[] seeds = new long[imagesPerJob];
    int controlAt;
    long controlSeed;
    synchronized (this) {
      order = new ArrayList<>(backends);
      Collections.shuffle(order, new java.util.Random(rng.nextLong()));
      for (int i = 0; i < imagesPerJob; i++) seeds[i] = rng.nextLong() & Long.MAX_VALUE;
      control = rng.nextDouble() < controlShare;
      controlAt = rng.nextInt(imagesPerJob + 1);
      controlSeed = rng.nextLong() & Long.MAX_VALUE;
    }
    int total = 0;
    for (int i = 0; i < imagesPerJob; i++) {
      Integer s = order.get(i % order.size()).steps();
      total += s == null ? 1 : s;
    }
    int[] done = {0};
    int totalSteps = total;
    List<GeneratedImage> out = new ArrayList<>();
    for (int i = 0; i < imagesPerJob; i++) {
      Backend b = order.get(i % order.size());
      BufferedImage img = b.generate(job.prompt(), seeds[i], step -> {
        done[0]++;
        double p = Math.min(1, done[0] / (double) totalSteps);
        double elapsed = (System.nanoTime() - start) / 1e9;
        job.publish(new Job.Status(job.id(), Job.State.RUNNING, 0, length(), p, p > 0 ? elapsed / p - elapsed : emaSeconds, 0, null, null));
      });
      out.add(new GeneratedImage(UUID.randomUUID().toString(), b.id(), seeds[i], b.guidance(), b.steps(), false, png(img)));
    }
    if (control) {
      int size = backends.get(0).size();
      BufferedImage bad = Renderer.render(CaptionScenes.contradict(job.prompt(), size, new SplittableRandom(controlSeed))).frame(0);
      out.add(controlAt, new GeneratedImage(UUID.randomUUID().toString(), "control", controlSeed, null, null, true, png(bad)));
    }
    return out;
  }

  /** PNG bytes of {@code image}. */
  public static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(image, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    worker.interrupt();
    try {
      worker.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
