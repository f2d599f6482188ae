package dev.mediagen.cli;

import dev.mediagen.arena.export.PairReader;
import dev.mediagen.arena.sim.PickScoreExperiment;
import dev.mediagen.arena.sim.SimulatedPreferences;
import dev.mediagen.pickscore.Finetune;
import dev.mediagen.pickscore.Finetuned;
import dev.mediagen.pickscore.PickScore;
import dev.mediagen.pickscore.PickScoreConfig;
import dev.mediagen.pickscore.PreferenceAccuracy;
import dev.mediagen.pickscore.PreferencePair;
import dev.mediagen.world.Video;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mediagen pickscore train|eval|score}. */
@Command(name = "pickscore", mixinStandardHelpOptions = true,
    description = "PickScore: a CLIP-style reward model pretrained on ShapesWorld captions and fine-tuned on preference pairs.",
    subcommands = {PickScoreCommand.Train.class, PickScoreCommand.Eval.class, PickScoreCommand.Score.class})
public final class PickScoreCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The pretraining and fine-tuning recipe that {@code train} and {@code eval} share. */
  static final class Recipe {
    @Option(names = "--pairs-per-user", defaultValue = "20", description = "judgements per synthetic voter (default: ${DEFAULT-VALUE})") int pairsPerUser;
    @Option(names = "--pretrain-steps", defaultValue = "800", description = "contrastive pretraining steps (default: ${DEFAULT-VALUE})") int pretrainSteps;
    @Option(names = "--finetune-steps", defaultValue = "6400", description = "preference fine-tuning steps (default: ${DEFAULT-VALUE})") int finetuneSteps;
    @Option(names = "--batch", defaultValue = "64", description = "batch size of both stages (default: ${DEFAULT-VALUE})") int batch;
    @Option(names = "--lr", defaultValue = "3e-4", description = "fine-tuning learning rate (default: ${DEFAULT-VALUE})") float lr;
    @Option(names = "--replay", defaultValue = "0.3", description = "weight of the contrastive replay term while fine-tuning; 0 = the paper's loss alone (default: ${DEFAULT-VALUE})") float replay;
    @Option(names = "--select-every", defaultValue = "0", description = "keep the fine-tuning weights with the best validation_unique accuracy (train: the export's, or 200 further simulated voters'), measured every this many steps; 0 = the last weights (default: ${DEFAULT-VALUE})") int selectEvery;
    @Option(names = "--seed", defaultValue = "1", description = "seed of data, initialisation and batches (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--freeze-text", description = "fine-tune the image tower and the temperature only") boolean freezeText;
    @Option(names = "--channels", description = "width of the image encoder's first stage (default: the small preset's, 32)") Integer channels;
    @Option(names = "--embed-dim", description = "joint embedding width (default: the small preset's, 128)") Integer embedDim;

    PickScoreConfig model() {
      PickScoreConfig c = PickScore.smallConfig();
      return c.withEncoderWidth(channels != null ? channels : c.channels(), embedDim != null ? embedDim : c.embedDim());
    }

    Finetune finetune() {
      return new Finetune(finetuneSteps, batch, lr, replay, selectEvery, freezeText, seed);
    }
  }

  /** {@code mediagen pickscore train}. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"Pretrains the CLIP analogue, then fine-tunes on preferences: an arena jsonl export (--data) or simulated voters.",
          "Examples:  mediagen pickscore train --data runs/export --out runs/pickscore/pickscore.safetensors",
          "           mediagen pickscore train --simulated-users 400"})
  static final class Train implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", description = "directory of a jsonl export (train.jsonl, validation_unique.jsonl, images/)") Path data;
    @Option(names = "--simulated-users", defaultValue = "4800", description = "without --data: synthetic voters whose pairs train it (default: ${DEFAULT-VALUE})") int users;
    @Mixin Recipe recipe;
    @Option(names = "--out", defaultValue = "runs/pickscore/pickscore.safetensors", description = "where the scorer is written (default: ${DEFAULT-VALUE})") Path out;

    @Override
    public Integer call() throws Exception {
      PrintWriter o = spec.commandLine().getOut();
      Paths.requireWritable(out);
      Finetune finetune = recipe.finetune(); // checks the options before the data are collected
      PickScoreConfig model = recipe.model();
      List<PreferencePair> train = data != null ? PairReader.jsonl(data, "train")
          : SimulatedPreferences.collect(SimulatedPreferences.referenceBackends(32), 0, users, recipe.pairsPerUser, false, recipe.seed);
      List<PreferencePair> val = data == null
          ? SimulatedPreferences.collect(SimulatedPreferences.referenceBackends(32), PickScoreExperiment.VALIDATION_USERS, 200, recipe.pairsPerUser, true, recipe.seed)
          : java.nio.file.Files.exists(data.resolve("validation_unique.jsonl")) ? PairReader.jsonl(data, "validation_unique") : List.of();
      o.printf("pickscore: %d training pairs, %d validation_unique pairs%n", train.size(), val.size());
      o.flush();
      try (PickScore ps = PickScore.create(recipe.seed, model)) {
        ps.pretrain(recipe.pretrainSteps, recipe.batch, 2e-3f, recipe.seed, (s, l) -> {
          if (s % 100 == 0) o.printf("pretrain step %d contrastive loss %.4f%n", s, l);
          o.flush();
        });
        if (val.isEmpty()) finetune = finetune.withSelection(0); // an export without validation_unique: keep the last weights
        boolean selecting = finetune.selectEvery() > 0;
        Finetuned done = ps.finetune(train, finetune, val, (s, l) -> {
          if (s % 100 == 0) o.printf("finetune step %d preference loss %.4f%n", s, l);
          o.flush();
        });
        if (selecting) o.printf("kept the weights of fine-tuning step %d%n", done.selectedStep());
        if (!val.isEmpty()) {
          float[] labels = PreferencePair.labels(val);
          double[] p = ps.probabilities(val);
          double t = PreferenceAccuracy.tune(p, labels);
          o.printf("validation_unique: %d pairs, accuracy %.3f at tie threshold %.2f (random %.3f)%s%n", val.size(),
              PreferenceAccuracy.accuracy(p, labels, t), t, PreferenceAccuracy.randomBaseline(PreferenceAccuracy.tieFraction(labels), 1),
              selecting ? " — selected on these pairs, so optimistic" : "");
        }
        ps.save(out);
        o.printf("pickscore: saved %s (temperature exp(τ) = %.1f)%n", out, ps.scale());
      }
      return 0;
    }
  }

  /** {@code mediagen pickscore eval}. */
  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "The full measurement on simulated preferences: held-out accuracy vs the zero-shot CLIP analogue and random, Elo of the backends, best-of-N.")
  static final class Eval implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--train-users", defaultValue = "4800", description = "synthetic voters whose pairs train PickScore (default: ${DEFAULT-VALUE})") int trainUsers;
    @Option(names = "--eval-users", defaultValue = "200", description = "voters of validation and of test, each; disjoint from training (default: ${DEFAULT-VALUE})") int evalUsers;
    @Mixin Recipe recipe;
    @Option(names = "--best-of-prompts", defaultValue = "3000", description = "fresh prompts of the best-of-N measurement; the N = 4 → 16 gain is a few thousandths of utility, so its standard error must be smaller (default: ${DEFAULT-VALUE})") int bestOfPrompts;

    @Override
    public Integer call() {
      PrintWriter o = spec.commandLine().getOut();
      PickScoreExperiment.Result r = PickScoreExperiment.run(
          new PickScoreExperiment.Options(trainUsers, evalUsers, recipe.pairsPerUser, recipe.pretrainSteps, bestOfPrompts, recipe.model(), recipe.finetune()), null, s -> {
            o.println(s);
            o.flush();
          });
      o.printf("pairs: train %d, validation_unique %d, test_unique %d (%.1f%% ties)%n", r.train(), r.validation(), r.test(), 100 * r.tieFraction());
      o.println("test_unique accuracy (tie threshold tuned on validation_unique):");
      r.accuracy().forEach((k, v) -> o.printf("  %-10s %.3f  (t = %.2f)%n", k, v, r.threshold().get(k)));
      o.println("Elo of the backends on held-out pairs (bootstrap mean [95% interval]):");
      r.elo().forEach((judge, ratings) -> {
        o.printf("  %-10s Spearman with the oracle order %.2f%n", judge, r.eloSpearman().get(judge));
        ratings.forEach((b, x) -> o.printf("    %-14s %6.0f [%4.0f, %4.0f]%n", b, x.mean(), x.lo(), x.hi()));
      });
      r.eloPearsonWithVoters().forEach((k, v) -> o.printf("  Pearson(voters' Elo, %s Elo) = %.3f%n", k, v));
      o.println("test_unique accuracy by backend pair:");
      r.accuracyByPair().get("oracle").keySet().forEach(pair -> {
        o.printf("  %-30s", pair);
        r.accuracyByPair().forEach((scorer, m) -> o.printf("  %s %.3f", scorer, m.get(pair)));
        o.println();
      });
      o.println("best-of-N (mean oracle utility of the pick among N seeds of shapes.sloppy):");
      r.bestOfN().forEach((k, b) -> {
        o.printf("  %-10s", k);
        b.mean().forEach((n, u) -> o.printf("  N=%d %.4f%s", n, u, b.gainSe().containsKey(n) ? " (gain SE %.4f)".formatted(b.gainSe().get(n)) : ""));
        o.printf("%n  %-10s  faithfulness of the pick:", "");
        b.faithfulness().forEach((n, f) -> o.printf("  N=%d %.4f", n, f));
        o.println();
      });
      o.printf("done in %.0f s%n", r.seconds());
      return 0;
    }
  }

  /** {@code mediagen pickscore score}. */
  @Command(name = "score", mixinStandardHelpOptions = true, description = "Scores images against a prompt (higher is preferred) and prints the softmax over them.")
  static final class Score implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", defaultValue = "runs/pickscore/pickscore.safetensors") Path model;
    @Option(names = "--prompt", required = true) String prompt;
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "PNG images of the scorer's size (32x32)") List<Path> images;

    @Override
    public Integer call() throws Exception {
      List<Video> v = new ArrayList<>();
      for (Path p : images) {
        var img = ImageIO.read(p.toFile());
        if (img == null) throw new IllegalArgumentException("cannot read image " + p);
        v.add(Video.of(List.of(img)));
      }
      try (PickScore ps = PickScore.load(model)) {
        float[] s = ps.scores(Collections.nCopies(v.size(), prompt), v);
        double max = Double.NEGATIVE_INFINITY, z = 0;
        for (float x : s) max = Math.max(max, x);
        for (float x : s) z += Math.exp(x - max);
        PrintWriter o = spec.commandLine().getOut();
        for (int i = 0; i < s.length; i++) o.printf("%8.3f  %.3f  %s%n", s[i], Math.exp(s[i] - max) / z, images.get(i));
      }
      return 0;
    }
  }
}
