package dev.mediagen.arena.gen;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A generation request in the queue: state, progress and the listeners (SSE streams) to tell. */
public final class Job {
  /** Life cycle: QUEUED → RUNNING → DONE or FAILED. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }

  /**
   * What a listener is told.
   *
   * @param jobId the job
   * @param state its state
   * @param position 1-based place in the queue while QUEUED (0 once running)
   * @param queueLength jobs waiting or running
   * @param progress 0..1 while RUNNING
   * @param etaSeconds estimated seconds until done (moving average of job times × jobs ahead)
   * @param images images made (when DONE)
   * @param message failure reason, else null
   * @param result what the sink returned when DONE (the pair to show), else null
   */
  public record Status(
      String jobId, State state, int position, int queueLength, double progress, double etaSeconds, int images, String message,
      Object result) {
    public boolean terminal() {
      return state == State.DONE || state == State.FAILED;
    }
  }

  private final String id;
  private final long userId;
  private final String prompt;
  private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
  private volatile Status last;

  Job(String id, long userId, String prompt) {
    this.id = id;
    this.userId = userId;
    this.prompt = prompt;
  }

  public String id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public String prompt() {
    return prompt;
  }

  /** The latest status. */
  public Status status() {
    return last;
  }

  /** Tells {@code listener} the current status now and every change after; returns a remover. */
  public Runnable listen(Consumer<Status> listener) {
    listeners.add(listener);
    Status s = last;
    if (s != null) listener.accept(s);
    return () -> listeners.remove(listener);
  }

  void publish(Status s) {
    last = s;
    for (Consumer<Status> l : listeners) {
      try {
        l.accept(s);
      } catch (RuntimeException e) {
        listeners.remove(l); // a closed stream: stop telling it
      }
    }
  }
}
