package dev.mediagen.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mediagen.io.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resumable results of a sweep (papers-language.md §4.1's 5×4×5 grid per task takes long; a
 * killed run must not redo finished cells): an append-only JSONL file with one {@link CellResult}
 * per line, each appended with its newline in one write and fsynced. Opening the store reads the
 * finished cells; a re-run asks {@link #isDone} / {@link #pending} and skips them.
 *
 * <p>A last line without its newline is a write torn by a kill: it is ignored and cut off on open
 * (so the next append starts a clean line), and {@link #tornLines()} says so. Any other unreadable
 * line is corruption and fails with the file and line number. Not safe for several writer processes
 * at once.
 */
public final class ResultsStore {

  private final Path path;
  private final Map<String, CellResult> done = new LinkedHashMap<>();
  private final int tornLines;

  private ResultsStore(Path path, int tornLines) {
    this.path = path;
    this.tornLines = tornLines;
  }

  /** Opens (or creates) the store at {@code path}, reading every finished cell. */
  public static ResultsStore open(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!Files.exists(path)) {
      Files.createFile(path);
    }
    byte[] bytes = Files.readAllBytes(path);
    int complete = bytes.length;
    while (complete > 0 && bytes[complete - 1] != '\n') {
      complete--; // the torn tail, if any
    }
    ResultsStore store = new ResultsStore(path, complete < bytes.length ? 1 : 0);
    String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      CellResult r;
      try {
        r = Json.mapper().readValue(line, CellResult.class);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new IOException(
            "%s:%d: unreadable result line (%s): %s"
                .formatted(
                    path, lineNo, e.getMessage().lines().findFirst().orElse(""), abbreviate(line)),
            e);
      }
      store.done.put(r.cell().key(), r); // a cell written twice keeps its last result
    }
    if (complete < bytes.length) {
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
        ch.truncate(complete);
        ch.force(true);
      }
    }
    return store;
  }

  public Path path() {
    return path;
  }

  /** 1 when a torn last line was dropped on open, else 0. */
  public int tornLines() {
    return tornLines;
  }

  public boolean isDone(SweepCell cell) {
    return done.containsKey(cell.key());
  }

  /** The finished results, in file order. */
  public List<CellResult> results() {
    return Collections.unmodifiableList(new ArrayList<>(done.values()));
  }

  /** The cells of {@code grid} not finished yet, in grid order. */
  public List<SweepCell> pending(SweepGrid grid) {
    return grid.cells().stream().filter(c -> !isDone(c)).toList();
  }

  /** Appends one finished cell durably; a cell may be stored once. */
  public synchronized void append(CellResult result) throws IOException {
    if (isDone(result.cell())) {
      throw new IllegalStateException("cell " + result.cell().key() + " is already in " + path);
    }
    byte[] line = (Json.toJsonLine(result) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch =
        FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    done.put(result.cell().key(), result);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
