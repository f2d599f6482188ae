package dev.mediagen.qa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediagen.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes MRQA jsonl (papers-language.md §2.3; MRQA 2019 README "Dataset Format"): line 1 {@code
 * {"header": {"dataset": …, "split": …}}}, then one compact JSON object per context with {@code
 * context}, {@code context_tokens} ({@code [token, offset]}), and {@code qas} entries holding
 * {@code qid}, {@code question}, {@code question_tokens}, {@code answers} and {@code
 * detected_answers} ({@code text}, inclusive {@code char_spans} and {@code token_spans}). The file
 * is written atomically; {@link MrqaReader} reads it back exactly.
 */
public final class MrqaWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MrqaWriter() {}

  /** Writes {@code dataset} to {@code path} (UTF-8, {@code \n} line ends). */
  public static void write(Path path, MrqaDataset dataset) throws IOException {
    AtomicFiles.write(path, out -> write(out, dataset));
  }

  /** Writes {@code dataset} to a stream (not closed). */
  public static void write(OutputStream out, MrqaDataset dataset) throws IOException {
    out.write(
        (headerLine(dataset.dataset(), dataset.split()) + "\n").getBytes(StandardCharsets.UTF_8));
    for (MrqaContext c : dataset.contexts()) {
      out.write((contextLine(c) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The header line. */
  public static String headerLine(String dataset, String split) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode header = root.putObject("header");
    header.put("dataset", dataset);
    header.put("split", split);
    return toLine(root);
  }

  /** One context as a single JSON line. */
  public static String contextLine(MrqaContext c) {
    ObjectNode root = JSON.createObjectNode();
    root.put("context", c.context());
    tokens(root.putArray("context_tokens"), c.contextTokens());
    ArrayNode qas = root.putArray("qas");
    for (MrqaQuestion q : c.qas()) {
      ObjectNode qa = qas.addObject();
      qa.put("qid", q.qid());
      qa.put("question", q.question());
      tokens(qa.putArray("question_tokens"), q.questionTokens());
      ArrayNode answers = qa.putArray("answers");
      q.answers().forEach(answers::add);
      ArrayNode detected = qa.putArray("detected_answers");
      for (DetectedAnswer d : q.detectedAnswers()) {
        ObjectNode a = detected.addObject();
        a.put("text", d.text());
        spans(a.putArray("char_spans"), d.charSpans());
        spans(a.putArray("token_spans"), d.tokenSpans());
      }
    }
    return toLine(root);
  }

  private static void tokens(ArrayNode out, List<Token> tokens) {
    for (Token t : tokens) {
      out.addArray().add(t.text()).add(t.start());
    }
  }

  private static void spans(ArrayNode out, List<Span> spans) {
    for (Span s : spans) {
      out.addArray().add(s.start()).add(s.end());
    }
  }

  private static String toLine(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
