package dev.mediagen.arena;

/**
 * A request the arena refuses, with the HTTP status and a message for the user; the web layer answers
 * {@code {"error": message}} with that status and never a stack trace.
 */
public final class ApiError extends RuntimeException {
  private final int status;

  public ApiError(int status, String message) {
    super(message);
    if (status < 400 || status > 599) throw new IllegalArgumentException("status %d must be 4xx or 5xx".formatted(status));
    this.status = status;
  }

  public int status() {
    return status;
  }
}
