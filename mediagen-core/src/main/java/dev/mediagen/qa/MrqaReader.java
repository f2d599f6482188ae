package dev.mediagen.qa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads MRQA jsonl ({@code .jsonl} or {@code .jsonl.gz}; papers-language.md §2.3, MRQA 2019 README
 * "Dataset Format"). Line 1 must be {@code {"header": {"dataset", "split" | "mrqa_split"}}}; every
 * other non-blank line is a context object.
 *
 * <p>Errors, always a {@link MrqaFormatException} naming file, line and problem: malformed JSON; a
 * missing or mistyped field ({@code context}, {@code context_tokens}, {@code qas}, {@code
 * qid}/{@code id}, {@code question}, {@code question_tokens}, {@code answers}, {@code
 * detected_answers} and its {@code text}/{@code char_spans}/{@code token_spans}); a token whose
 * offset does not point at its text.
 *
 * <p>Bad questions — a detected answer whose inclusive char span is out of range or does not spell
 * its text (compared ignoring case, since MRQA may store a normalized text), whose token span is
 * out of range or does not cover the char span, whose span lists differ in length, or a question
 * with no detected answer (or {@code is_impossible}) — are handled by {@link OnBadQuestion}: {@code
 * FAIL} throws, {@code SKIP} drops the question, counts it and records a warning (and drops a
 * context left without questions). Never is a question kept with a label that does not match.
 */
public final class MrqaReader {

  private static final Logger LOG = LoggerFactory.getLogger(MrqaReader.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What to do with a question whose answer cannot be located in its context. */
  public enum OnBadQuestion {
    FAIL,
    SKIP
  }

  /**
   * A read file with what was skipped.
   *
   * @param dataset the contexts and questions kept
   * @param skippedQuestions questions dropped under {@link OnBadQuestion#SKIP}
   * @param skippedContexts contexts dropped because none of their questions was kept
   * @param warnings one line per skipped question, naming file, line, qid and problem
   */
  public record Result(
      MrqaDataset dataset, int skippedQuestions, int skippedContexts, List<String> warnings) {}

  private MrqaReader() {}

  /** Reads with {@link OnBadQuestion#FAIL}. */
  public static MrqaDataset read(Path path) throws IOException {
    return read(path, OnBadQuestion.FAIL).dataset();
  }

  public static Result read(Path path, OnBadQuestion policy) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException("cannot read MRQA file " + path + ": no such file");
    }
    try (InputStream raw = Files.newInputStream(path);
        InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return read(reader, path.toString(), policy);
    }
  }

  /** Reads jsonl text; {@code source} names it in messages. */
  public static Result read(String text, String source, OnBadQuestion policy) throws IOException {
    return read(new BufferedReader(new StringReader(text)), source, policy);
  }

  private static Result read(BufferedReader in, String source, OnBadQuestion policy)
      throws IOException {
    String first = in.readLine();
    if (first == null) {
      throw new MrqaFormatException(source, 1, "empty file; expected a header line");
    }
    MrqaFields header = new MrqaFields(parse(first, source, 1), source, 1);
    if (!header.node().has("header")) {
      throw new MrqaFormatException(source, 1, "first line must be {\"header\": {...}}");
    }
    MrqaFields h = header.object("header");
    String dataset = h.string("dataset");
    String split = h.node().has("split") ? h.string("split") : h.string("mrqa_split");

    List<MrqaContext> contexts = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int skippedContexts = 0;
    int lineNo = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      MrqaFields obj = new MrqaFields(parse(line, source, lineNo), source, lineNo);
      String context = obj.string("context");
      List<Token> tokens = obj.tokens("context_tokens", context);
      List<MrqaQuestion> qas = new ArrayList<>();
      for (MrqaFields qa : obj.objects("qas")) {
        String qid = qa.node().has("qid") ? qa.string("qid") : qa.string("id");
        String question = qa.string("question");
        MrqaQuestion q =
            new MrqaQuestion(
                qid,
                question,
                qa.tokens("question_tokens", question),
                qa.strings("answers"),
                detected(qa.objects("detected_answers")));
        String problem =
            problem(q, context, tokens, qa.node().path("is_impossible").asBoolean(false));
        if (problem == null) {
          qas.add(q);
        } else if (policy == OnBadQuestion.FAIL) {
          throw new MrqaFormatException(source, lineNo, "question " + qid + ": " + problem);
        } else {
          warnings.add(source + ":" + lineNo + ": skipped question " + qid + ": " + problem);
        }
      }
      if (qas.isEmpty()) {
        skippedContexts++;
      } else {
        contexts.add(new MrqaContext(context, tokens, qas));
      }
    }
    if (!warnings.isEmpty()) {
      LOG.warn(
          "{}: skipped {} questions and {} contexts (first: {})",
          source,
          warnings.size(),
          skippedContexts,
          warnings.get(0));
    }
    return new Result(
        new MrqaDataset(dataset, split, contexts),
        warnings.size(),
        skippedContexts,
        List.copyOf(warnings));
  }

  private static List<DetectedAnswer> detected(List<MrqaFields> answers)
      throws MrqaFormatException {
    List<DetectedAnswer> out = new ArrayList<>();
    for (MrqaFields a : answers) {
      String text = a.string("text");
      if (text.isEmpty()) {
        throw a.error("detected answer text is empty");
      }
      List<Span> chars = a.spans("char_spans");
      List<Span> toks = a.spans("token_spans");
      if (chars.isEmpty() || chars.size() != toks.size()) {
        throw a.error(
            "detected answer \"%s\" has %d char spans and %d token spans"
                .formatted(text, chars.size(), toks.size()));
      }
      out.add(new DetectedAnswer(text, chars, toks));
    }
    return out;
  }

  /** Why {@code q}'s labels cannot be trusted, or null when they can. */
  static String problem(MrqaQuestion q, String context, List<Token> tokens, boolean impossible) {
    if (impossible) {
      return "marked is_impossible";
    }
    if (q.detectedAnswers().isEmpty()) {
      return "no answer detected in its context";
    }
    for (DetectedAnswer d : q.detectedAnswers()) {
      for (int i = 0; i < d.charSpans().size(); i++) {
        Span c = d.charSpans().get(i);
        Span t = d.tokenSpans().get(i);
        if (c.end() >= context.length()) {
          return "answer \"%s\" char span %s is outside the context of %d chars"
              .formatted(d.text(), c, context.length());
        }
        String spelled = context.substring(c.start(), c.end() + 1);
        if (!spelled.equalsIgnoreCase(d.text())) {
          return "answer \"%s\" char span %s spells \"%s\"".formatted(d.text(), c, spelled);
        }
        if (t.end() >= tokens.size()) {
          return "answer \"%s\" token span %s is outside the %d context tokens"
              .formatted(d.text(), t, tokens.size());
        }
        if (tokens.get(t.start()).start() > c.start() || tokens.get(t.end()).end() <= c.end()) {
          return "answer \"%s\" token span %s (chars %d..%d) does not cover char span %s"
              .formatted(
                  d.text(), t, tokens.get(t.start()).start(), tokens.get(t.end()).end() - 1, c);
        }
      }
    }
    return null;
  }

  private static JsonNode parse(String line, String source, int lineNo) throws MrqaFormatException {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new MrqaFormatException(source, lineNo, "malformed JSON: " + e.getOriginalMessage());
    }
  }
}
