package dev.mediagen.cli;

import dev.mediagen.edit.TrainEdit;
import dev.mediagen.fuse.TrainFuse;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bar (step, loss, it/s, ETA) for the training loops that report only step and loss. */
final class LossProgress implements TrainEdit.Listener, TrainFuse.Listener, AutoCloseable {
  private final String task;
  private ProgressBar bar;

  LossProgress(String task) {
    this.task = task;
  }

  @Override
  public void started(long step, long lastStep, String message) {
    System.err.println("mediagen: " + message + ", starting at step " + step + " of " + lastStep);
    bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(lastStep).startsFrom(step, java.time.Duration.ZERO)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).showSpeed().build();
  }

  @Override
  public void step(long step, float loss) {
    bar.stepTo(step);
    bar.setExtraMessage(String.format(" loss %.4f", loss));
  }

  @Override
  public void close() {
    if (bar != null) bar.close();
  }
}
