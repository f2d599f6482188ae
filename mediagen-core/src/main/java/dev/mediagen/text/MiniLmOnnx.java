package dev.mediagen.text;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX Runtime session of all-MiniLM-L6-v2: token ids in, last hidden state out.
 * Package-private; {@link MiniLmEncoder} adds tokenization, length checks and caching. {@link #run}
 * is thread-safe (ORT sessions allow concurrent {@code run} calls).
 */
final class MiniLmOnnx implements AutoCloseable {

  private static final String OUTPUT = "last_hidden_state";

  private final OrtEnvironment env;
  private final OrtSession session;
  private final boolean needsTokenTypes;

  /**
   * Loads the graph from the classpath; {@code threads == 0} lets ORT choose its intra-op threads.
   */
  MiniLmOnnx(int threads) {
    ensureTmpDir();
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (threads > 0) {
        options.setIntraOpNumThreads(threads);
      }
      // ORT accepts the model as bytes: no temp copy of the 90 MB file
      this.session = env.createSession(readResource(MiniLmEncoder.MODEL_RESOURCE), options);
    } catch (OrtException e) {
      throw new IllegalStateException(
          "cannot load " + MiniLmEncoder.MODEL_RESOURCE + ": " + e.getMessage(), e);
    }
    Set<String> inputs = session.getInputNames();
    if (!session.getOutputNames().contains(OUTPUT)
        || !inputs.containsAll(List.of("input_ids", "attention_mask"))) {
      close();
      throw new IllegalStateException(
          "%s has inputs %s and outputs %s; expected input_ids, attention_mask -> %s"
              .formatted(MiniLmEncoder.MODEL_RESOURCE, inputs, session.getOutputNames(), OUTPUT));
    }
    this.needsTokenTypes = inputs.contains("token_type_ids");
  }

  /**
   * Runs sequences as one padded batch (attention mask 0 at padding); returns each one's unpadded
   * (len_i, D) states. Padding does not change a sequence's states: the encoder test checks that
   * batched and single results are bitwise equal (true of ORT's CPU kernels here, x86-64 MLAS).
   */
  float[][] run(List<long[]> seqs) {
    int n = seqs.size();
    int len = seqs.stream().mapToInt(a -> a.length).max().orElse(0);
    int dim = MiniLmEncoder.DIM;
    long[] ids = new long[n * len];
    long[] mask = new long[n * len];
    for (int i = 0; i < n; i++) {
      long[] s = seqs.get(i);
      System.arraycopy(s, 0, ids, i * len, s.length);
      Arrays.fill(mask, i * len, i * len + s.length, 1L);
    }
    long[] shape = {n, len};
    List<OnnxTensor> owned = new ArrayList<>(3);
    try {
      Map<String, OnnxTensor> feed = new HashMap<>();
      feed.put("input_ids", own(owned, OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape)));
      feed.put(
          "attention_mask", own(owned, OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape)));
      if (needsTokenTypes) {
        LongBuffer types = LongBuffer.wrap(new long[n * len]); // single-segment input: all type 0
        feed.put("token_type_ids", own(owned, OnnxTensor.createTensor(env, types, shape)));
      }
      try (OrtSession.Result result = session.run(feed, Set.of(OUTPUT))) {
        FloatBuffer buf =
            ((OnnxTensor) result.get(OUTPUT).orElseThrow()).getFloatBuffer(); // (B, L, D)
        float[] all = new float[n * len * dim];
        if (buf.remaining() != all.length) {
          throw new IllegalStateException(
              "%s has %d floats, expected %d x %d x %d"
                  .formatted(OUTPUT, buf.remaining(), n, len, dim));
        }
        buf.get(all);
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
          out[i] = Arrays.copyOfRange(all, i * len * dim, (i * len + seqs.get(i).length) * dim);
        }
        return out;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("MiniLM inference failed: " + e.getMessage(), e);
    } finally {
      owned.forEach(OnnxTensor::close);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ORT session: " + e.getMessage(), e);
    }
  }

  private static OnnxTensor own(List<OnnxTensor> owned, OnnxTensor t) {
    owned.add(t);
    return t;
  }

  private static byte[] readResource(String name) {
    try (InputStream in = MiniLmEncoder.openResource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + name, e);
    }
  }

  private static void ensureTmpDir() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try {
      Files.createDirectories(tmp); // ORT extracts its native library here
    } catch (IOException e) {
      throw new UncheckedIOException(
          "java.io.tmpdir " + tmp + " does not exist and cannot be created", e);
    }
  }
}
