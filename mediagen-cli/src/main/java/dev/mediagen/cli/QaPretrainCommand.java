package dev.mediagen.cli;

import ai.djl.ndarray.NDManager;
import dev.mediagen.io.AtomicFiles;
import dev.mediagen.io.Json;
import dev.mediagen.qa.HashedVocab;
import dev.mediagen.qa.PretrainRss;
import dev.mediagen.qa.PretrainingDocuments;
import dev.mediagen.qa.QaCheckpoint;
import dev.mediagen.qa.QaPredictor;
import dev.mediagen.qa.QaSetup;
import dev.mediagen.qa.QaTrainConfig;
import dev.mediagen.qa.SpanInput;
import dev.mediagen.qa.SplinterConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mediagen qa pretrain}: recurring span selection from scratch, with checkpoints and resume. */
@Command(
    name = "pretrain",
    mixinStandardHelpOptions = true,
    description = {
      "Pretrain the Splinter encoder and QASS head with recurring span selection (RSS) on LitBank",
      "passages plus generated documents; checkpoints in OUT/checkpoint; --resume continues exactly.",
      "Example: ./mediagen qa pretrain --out runs/qa-rss ; later ./mediagen qa pretrain --resume runs/qa-rss"
    })
public final class QaPretrainCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--preset", defaultValue = "base", description = "base | large | tiny (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--steps", defaultValue = "0", description = "stop after this many total steps; 0 = the recipe's")
  long steps;

  @Option(names = "--schedule-steps", defaultValue = "0",
      description = "length of the warm-up + cosine schedule; 0 = the preset's (base: 12000); not with --resume")
  long scheduleSteps;

  @Option(names = "--minutes", defaultValue = "0", description = "stop (and checkpoint) after this many minutes; 0 = no limit")
  double minutes;

  @Option(names = "--documents", defaultValue = "40000", description = "generated documents besides LitBank (default: ${DEFAULT-VALUE})")
  int documents;

  @Option(names = "--question-share", defaultValue = "1.0",
      description = "share of the generated documents' restated facts written as question-and-answer lines"
          + " (default: ${DEFAULT-VALUE}; --resume reuses the run's)")
  double questionShare;

  @Option(names = "--dupe-factor", defaultValue = "1",
      description = "times each training passage is masked, each time differently (the reference's dupe_factor; "
          + "default: ${DEFAULT-VALUE}; --resume reuses the run's)")
  int dupeFactor;

  @Option(names = "--people-per-document", defaultValue = "2",
      description = "people per generated document, 1 to 4 (default: ${DEFAULT-VALUE}; --resume reuses the run's)")
  int people;

  @Option(names = "--resume", paramLabel = "DIR", description = "run or checkpoint directory to continue")
  Path resume;

  @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: runs/qa-rss, or the resumed run)")
  Path out;

  @Option(names = "--data", paramLabel = "DIR", description = "LitBank CoNLL directory (default: data/litbank/coref/conll)")
  Path data;

  /** The generated-data settings of a run, kept in {@code OUT/}{@value #DATA_RECIPE} so that --resume reads the same data. */
  record DataRecipe(int documents, double questionShare, int dupeFactor, int people) {
    DataRecipe {
      // files written before these fields existed: the values of that time
      dupeFactor = Math.max(1, dupeFactor);
      people = people == 0 ? PretrainingDocuments.PEOPLE : people;
    }
  }

  static final String DATA_RECIPE = "pretraining-data.json";

  /** The resumed run's value of an option, or an error when the option was given with another value. */
  private double inherit(String option, double given, double saved, Path file) {
    if (spec.commandLine().getParseResult().hasMatchedOption(option) && given != saved) {
      throw new IllegalArgumentException(
          "%s %s differs from the resumed run's %s (%s); leave it out to continue on the same data"
              .formatted(option, fmt(given), fmt(saved), file));
    }
    return saved;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (minutes < 0 || steps < 0) {
      throw new IllegalArgumentException("--minutes %s and --steps %d must be >= 0".formatted(minutes, steps));
    }
    if (scheduleSteps < 0 || scheduleSteps > 10_000_000) {
      throw new IllegalArgumentException("--schedule-steps %d is outside [0, 10000000]".formatted(scheduleSteps));
    }
    if (scheduleSteps > 0 && resume != null) {
      throw new IllegalArgumentException(
          "--schedule-steps %d cannot change a resumed run's schedule (it continues the one in its checkpoint)"
              .formatted(scheduleSteps));
    }
    if (!(questionShare >= 0 && questionShare <= 1)) {
      throw new IllegalArgumentException("--question-share %s is outside [0, 1]".formatted(questionShare));
    }
    if (people < 1 || people > 4) {
      throw new IllegalArgumentException("--people-per-document %d is outside [1, 4]".formatted(people));
    }
    if (dupeFactor < 1 || dupeFactor > 20) {
      throw new IllegalArgumentException("--dupe-factor %d is outside [1, 20]".formatted(dupeFactor));
    }
    if (documents < 0 || documents > 1_000_000) {
      throw new IllegalArgumentException("--documents %d is outside [0, 1000000]".formatted(documents));
    }
    List<String> litbank = QaSetup.litbank(data != null ? data : QaCli.defaultLitbank());
    HashedVocab vocab = QaSetup.vocabulary(litbank);
    SplinterConfig model = switch (preset) {
      case "base" -> SplinterConfig.base();
      case "large" -> SplinterConfig.large();
      case "tiny" -> SplinterConfig.tiny().withMaxLength(192);
      default -> throw new IllegalArgumentException("unknown --preset '" + preset + "', allowed: base, large, tiny");
    };
    model = model.withVocab(vocab.size());
    QaTrainConfig recipe = preset.equals("tiny") ? QaTrainConfig.tiny() : QaTrainConfig.rss();
    if (scheduleSteps > 0) {
      recipe = recipe.withSteps(scheduleSteps);
    }
    if (resume != null) {
      QaCheckpoint.Config c = QaCheckpoint.readConfig(QaCheckpoint.resolve(resume));
      model = c.model();
      recipe = c.train();
      if (out == null) {
        out = resume.getFileName().toString().equals("checkpoint") ? resume.getParent() : resume;
      }
    }
    if (out == null) {
      out = QaCli.defaultPretrained();
    }
    Path dataFile = out.resolve(DATA_RECIPE);
    if (resume != null && Files.isRegularFile(dataFile)) {
      DataRecipe saved = Json.read(dataFile, DataRecipe.class);
      documents = (int) inherit("--documents", documents, saved.documents(), dataFile);
      questionShare = inherit("--question-share", questionShare, saved.questionShare(), dataFile);
      dupeFactor = (int) inherit("--dupe-factor", dupeFactor, saved.dupeFactor(), dataFile);
      people = (int) inherit("--people-per-document", people, saved.people(), dataFile);
    } else if (resume == null) {
      Files.createDirectories(out);
      AtomicFiles.writeString(dataFile, Json.toJson(new DataRecipe(documents, questionShare, dupeFactor, people)));
    }
    List<String> texts =
        QaSetup.pretrainingTexts(litbank, documents, recipe.seed(), model.maxLength() - 2, questionShare, people);
    List<List<SpanInput>> split = QaSetup.rssSplit(texts, vocab, model.maxLength(), recipe.seed(), 20, dupeFactor);
    err.printf("mediagen: RSS pretraining (%s) into %s: %d train / %d dev sequences, vocabulary %d ids%n",
        resume != null ? "resumed" : preset, out, split.get(0).size(), split.get(1).size(), vocab.size());
    PretrainRss.Result r;
    try (QaCli.Progress p = new QaCli.Progress(err, "rss")) {
      r = PretrainRss.run(new PretrainRss.Options(out, resume, model, vocab, recipe, split.get(0), minutes,
          steps > 0 ? steps : recipe.steps()), p);
    }
    double acc;
    try (NDManager m = NDManager.newBaseManager()) {
      QaCheckpoint.Loaded ck = QaCheckpoint.load(r.checkpoint(), m, false);
      acc = QaPredictor.spanAccuracy(QaCheckpoint.loadModel(ck, m), split.get(1), 32);
    }
    spec.commandLine().getOut().printf(Locale.ROOT,
        "step %d  loss %.4f  RSS dev span accuracy %.1f%%  parameters %,d  checkpoint %s%n",
        r.step(), r.lastLoss(), 100 * acc, r.parameters(), r.checkpoint());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
