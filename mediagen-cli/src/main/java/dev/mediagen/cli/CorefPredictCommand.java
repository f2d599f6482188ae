package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.mediagen.coref.ConllWriter;
import dev.mediagen.coref.CorefCheckpoint;
import dev.mediagen.coref.CorefData;
import dev.mediagen.coref.CorefDecoding;
import dev.mediagen.coref.CorefDocument;
import dev.mediagen.coref.PlainText;
import dev.mediagen.coref.S2eCoref;
import dev.mediagen.coref.StateCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mediagen coref predict}: coreference clusters for any English text. A {@code .conll} /
 * {@code _conll} input keeps its tokens and columns (its clusters are ignored and replaced); any
 * other file is read as UTF-8 plain text, tokenized and split into sentences by {@link PlainText}.
 * Long texts are handled whole: the frozen encoder runs over overlapping windows and the model's
 * layers are local, nothing is truncated.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Predict coreference clusters for a plain-text or CoNLL file and write them as CoNLL-2012.",
      "Example: ./mediagen coref predict story.txt --out story.conll"
    })
public final class CorefPredictCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "a .txt (plain text) or .conll file")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "OUT", description = "the CoNLL file to write")
  Path outFile;

  @Option(names = "--checkpoint", paramLabel = "DIR", description = "s2e checkpoint or run directory (default: models/coref-s2e)")
  Path checkpoint;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!Files.isRegularFile(in)) {
        throw new IllegalArgumentException("input " + in + " does not exist or is not a file");
      }
      Path ckpt = CorefCheckpoint.resolve(checkpoint != null ? checkpoint : CorefCli.defaultCheckpoint());
      CorefCheckpoint.Config config = CorefCheckpoint.readConfig(ckpt);
      Paths.requireWritable(outFile);
      List<CorefDocument> docs = read(in);
      List<CorefDocument> predicted = new ArrayList<>();
      int clusters = 0;
      try (StateCache states = new StateCache(null, config.states()); NDManager root = NDManager.newBaseManager()) {
        S2eCoref model = CorefCheckpoint.loadModel(ckpt, root);
        ParameterStore ps = new ParameterStore(root, false);
        for (CorefDocument doc : docs) {
          CorefDocument p = CorefDecoding.predict(model, ps, root, doc, states.states(doc), CorefDecoding.Setting.END_TO_END);
          clusters += (int) p.clusters().stream().filter(c -> c.size() > 1).count();
          predicted.add(p);
        }
      }
      ConllWriter.write(predicted, outFile);
      out.printf("%d document(s), %d tokens, %d clusters of 2+ mentions -> %s%n", predicted.size(),
          predicted.stream().mapToInt(CorefDocument::tokenCount).sum(), clusters, outFile);
      out.flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("mediagen coref predict: " + e.getMessage());
      return 1;
    }
  }

  /** CoNLL documents, or one document made from plain text. */
  static List<CorefDocument> read(Path in) throws IOException {
    String name = in.getFileName().toString();
    if (name.endsWith(".conll") || name.endsWith("_conll")) {
      List<CorefDocument> docs = CorefData.read(in);
      if (docs.isEmpty()) {
        throw new IllegalArgumentException("input " + in + " holds no '#begin document' ... '#end document' part");
      }
      return docs;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(in))).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("input " + in + " is not UTF-8 text (" + e + ")");
    }
    String id = name.replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
    return List.of(CorefDocument.fromTokens(id.isEmpty() ? "text" : id, 0, PlainText.sentences(text)));
  }
}
