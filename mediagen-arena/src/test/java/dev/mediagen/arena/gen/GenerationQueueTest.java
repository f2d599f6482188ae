package dev.mediagen.arena.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

class GenerationQueueTest {
  /** A backend that waits for a latch, so jobs pile up. */
  static final class Gate implements Backend {
    final String id;
    final CountDownLatch open;
    final CountDownLatch started = new CountDownLatch(1);

    Gate(String id, CountDownLatch open) {
      this.id = id;
      this.open = open;
    }

    public String id() { return id; }
    public Float guidance() { return 2f; }
    public Integer steps() { return 3; }
    public int size() { return 32; }

    public BufferedImage generate(String prompt, long seed, IntConsumer onStep) {
      started.countDown();
      try {
        open.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (int i = 0; i < 3; i++) onStep.accept(i);
      return new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    }
  }

  @Test
  void jobsUseDistinctBackendsAndAboutTheConfiguredShareOfControls() throws Exception {
    List<Backend> backends = new ArrayList<>();
    for (String id : List.of("a", "b", "c")) backends.add(new ShapesBackend(id, 0, 0, 32));
    List<List<GeneratedImage>> stored = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(200);
    try (GenerationQueue q = new GenerationQueue(backends, 3, 0.1, 1000, 1000, 42, (job, imgs) -> {
      synchronized (stored) { stored.add(imgs); }
      done.countDown();
      return null;
    })) {
      for (int i = 0; i < 200; i++) q.submit(i, "a red circle");
      assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    }
    int controls = 0;
    for (List<GeneratedImage> imgs : stored) {
      Set<String> models = new HashSet<>();
      imgs.stream().filter(g -> !g.control()).forEach(g -> models.add(g.modelId()));
      assertThat(models).hasSize(3); // one image per backend
      long c = imgs.stream().filter(GeneratedImage::control).count();
      assertThat(c).isLessThanOrEqualTo(1);
      controls += (int) c;
      imgs.stream().filter(GeneratedImage::control).forEach(g -> assertThat(g.modelId()).isEqualTo("control"));
    }
    assertThat(controls).isBetween(8, 34); // Binomial(200, 0.1): mean 20, sd 4.2
  }

  @Test
  void positionsProgressAndCapsAreReported() throws Exception {
    CountDownLatch open = new CountDownLatch(1);
    Gate g1 = new Gate("g1", open);
    Gate g2 = new Gate("g2", open);
    try (GenerationQueue q = new GenerationQueue(List.of(g1, g2), 2, 0, 3, 2, 1, (job, imgs) -> "pair-of-" + job.id())) {
      Job a = q.submit(1, "p");
      // wait until the worker has taken a (on a busy machine it may not have yet)
      while (g1.started.getCount() > 0 && g2.started.getCount() > 0) Thread.sleep(5);
      Job b = q.submit(1, "p");
      assertThatThrownBy(() -> q.submit(1, "p")).isInstanceOf(GenerationQueue.Refused.class).hasMessageContaining("limit is 2");
      Job c = q.submit(2, "p");
      Job d = q.submit(3, "p"); // a is running, b, c, d wait
      assertThatThrownBy(() -> q.submit(4, "p")).hasMessageContaining("queue is full");
      List<Job.Status> seen = new ArrayList<>();
      CountDownLatch finished = new CountDownLatch(1);
      d.listen(s -> {
        synchronized (seen) { seen.add(s); }
        if (s.terminal()) finished.countDown();
      });
      open.countDown();
      assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
      List<Integer> positions = seen.stream().filter(s -> s.state() == Job.State.QUEUED).map(Job.Status::position).toList();
      assertThat(positions.get(0)).isEqualTo(3);
      for (int i = 1; i < positions.size(); i++) assertThat(positions.get(i)).isLessThanOrEqualTo(positions.get(i - 1));
      double lastProgress = 0;
      for (Job.Status s : seen) {
        if (s.state() == Job.State.RUNNING) {
          assertThat(s.progress()).isGreaterThanOrEqualTo(lastProgress).isLessThanOrEqualTo(1);
          lastProgress = s.progress();
        }
      }
      assertThat(lastProgress).isEqualTo(1.0); // 2 images × 3 steps
      assertThat(seen.get(seen.size() - 1).result()).isEqualTo("pair-of-" + d.id());
      assertThat(List.of(a, b, c)).allMatch(j -> j.status().state() == Job.State.DONE);
    }
  }
}
