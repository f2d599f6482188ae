package dev.mediagen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private List<String> listing(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesContentAndCreatesParents() throws IOException {
    Path target = dir.resolve("a/b/c.txt");
    AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("hello");
    assertThat(listing(target.getParent())).containsExactly("c.txt");
    AtomicFiles.writeString(target, "héllo\n");
    assertThat(Files.readAllBytes(target))
        .containsExactly(0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0x6f, 0x0a);
    AtomicFiles.writeBytes(target, new byte[] {1, 2});
    assertThat(Files.readAllBytes(target)).containsExactly(1, 2);
  }

  @Test
  void bodyMayCloseTheStream() throws IOException {
    Path target = dir.resolve("closed.bin");
    AtomicFiles.write(
        target,
        out -> {
          try (OutputStream o = out) {
            o.write(new byte[100_000]); // more than the buffer, so it is flushed before close
            o.write(7);
          }
        });
    assertThat(Files.size(target)).isEqualTo(100_001);
  }

  @Test
  void failingBodyLeavesNoTargetAndNoTemp() throws IOException {
    Path target = dir.resolve("new.bin");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write(new byte[200_000]); // partly on disk already
                      throw new IOException("boom");
                    }))
        .hasMessage("boom");
    assertThat(listing(dir)).isEmpty();
  }

  @Test
  void failingBodyLeavesExistingTargetUntouched() throws IOException {
    Path target = dir.resolve("old.txt");
    Files.writeString(target, "old");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("new-but-partial".getBytes(StandardCharsets.UTF_8));
                      throw new IllegalStateException("bad state");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(listing(dir)).containsExactly("old.txt");
  }

  @Test
  void unwritableLocationGivesAClearError() throws IOException {
    Path file = dir.resolve("plain-file");
    Files.writeString(file, "x");
    Path target = file.resolve("sub/out.png"); // parent chain goes through a regular file
    assertThatThrownBy(() -> AtomicFiles.writeString(target, "y"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot write " + target)
        .hasMessageContaining("not a directory");
    Files.createDirectory(dir.resolve("isdir"));
    assertThatThrownBy(() -> AtomicFiles.writeString(dir.resolve("isdir"), "y"))
        .hasMessageContaining("a directory exists at that path");
  }

  @Test
  void permissionsAreTheProcessDefaultNotPrivate() throws IOException {
    Path reference = dir.resolve("ref");
    Files.newOutputStream(reference).close(); // default permissions under this umask
    Path target = dir.resolve("atomic");
    AtomicFiles.writeString(target, "x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)));
  }

  @Test
  void writeWithLetsAToolFillTheTempPath() throws IOException {
    Path target = dir.resolve("video.mp4");
    AtomicFiles.writeWith(
        target,
        tmp -> {
          assertThat(tmp.getParent()).isEqualTo(dir.toAbsolutePath());
          assertThat(tmp.getFileName().toString()).startsWith(".tmp-").endsWith("-video.mp4");
          Files.writeString(tmp, "frames");
        });
    assertThat(Files.readString(target)).isEqualTo("frames");
    assertThatThrownBy(() -> AtomicFiles.writeWith(dir.resolve("none.mp4"), tmp -> {}))
        .hasMessageContaining("produced no file");
    assertThat(listing(dir)).containsExactly("video.mp4");
  }

  @Test
  void replaceDirectorySwapsContentWhole() throws IOException {
    Path ckpt = dir.resolve("ckpt");
    AtomicFiles.replaceDirectory(
        ckpt,
        tmp -> {
          Files.writeString(tmp.resolve("weights"), "v1");
          Files.writeString(tmp.resolve("stale"), "only in v1");
        });
    assertThat(listing(ckpt)).containsExactly("stale", "weights");
    AtomicFiles.replaceDirectory(
        ckpt,
        tmp -> {
          Files.createDirectory(tmp.resolve("sub"));
          Files.writeString(tmp.resolve("sub/state"), "v2");
          Files.writeString(tmp.resolve("weights"), "v2");
        });
    assertThat(listing(ckpt)).containsExactly("sub", "weights");
    assertThat(Files.readString(ckpt.resolve("weights"))).isEqualTo("v2");
    assertThat(listing(dir)).containsExactly("ckpt"); // no backup or temp left
  }

  @Test
  void failedFillLeavesOldDirectoryUntouched() throws IOException {
    Path ckpt = dir.resolve("ckpt");
    AtomicFiles.replaceDirectory(ckpt, tmp -> Files.writeString(tmp.resolve("weights"), "v1"));
    assertThatThrownBy(
            () ->
                AtomicFiles.replaceDirectory(
                    ckpt,
                    tmp -> {
                      Files.writeString(tmp.resolve("weights"), "v2-partial");
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(listing(ckpt)).containsExactly("weights");
    assertThat(Files.readString(ckpt.resolve("weights"))).isEqualTo("v1");
    assertThat(listing(dir)).containsExactly("ckpt");
    Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> AtomicFiles.replaceDirectory(dir.resolve("file"), tmp -> {}))
        .hasMessageContaining("a non-directory exists there");
  }
}
