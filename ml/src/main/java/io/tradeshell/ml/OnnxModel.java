package io.tradeshell.ml;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.tradeshell.engine.learning.Learner;
import java.nio.FloatBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A classifier trained elsewhere and imported as ONNX, run by ONNX Runtime on one thread (so it
 * predicts the same on every run). It takes one row of features as a float tensor of shape
 * [1, features] and gives the probability of the label: a probability output (the one whose name
 * says so, else the last) read as a single value, the second column of a [1, 2] tensor, or class 1
 * of the map a converted scikit-learn classifier returns.
 */
public final class OnnxModel implements Learner.Fitted {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String input;
    private final String output;
    private final byte[] bytes;

    private OnnxModel(byte[] bytes, int features) throws OrtException {
        this.bytes = bytes.clone();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.session = env.createSession(this.bytes, options);
        }
        if (session.getInputNames().size() != 1) {
            throw new IllegalArgumentException("the model takes " + session.getInputNames().size() + " inputs " + session.getInputNames()
                    + "; one input of shape [1, features] is needed");
        }
        this.input = session.getInputNames().iterator().next();
        NodeInfo in = session.getInputInfo().get(input);
        if (in.getInfo() instanceof TensorInfo t) {
            long[] shape = t.getShape();
            if (shape.length == 0 || (shape[shape.length - 1] > 0 && shape[shape.length - 1] != features)) {
                throw new IllegalArgumentException("the model's input '" + input + "' has shape " + java.util.Arrays.toString(shape)
                        + ", not [1, " + features + "] for the " + features + " features given");
            }
        } else {
            throw new IllegalArgumentException("the model's input '" + input + "' is not a tensor");
        }
        List<String> outputs = new ArrayList<>(session.getOutputNames());
        this.output = outputs.stream().filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains("prob")).findFirst().orElse(outputs.getLast());
    }

    /** Sessions already made, by file contents and feature count: a sweep's runs share one (ONNX Runtime runs a session from many threads). */
    private static final Map<String, OnnxModel> LOADED = new ConcurrentHashMap<>();

    /** {@link #load}, made once per file contents and feature count for the life of the process. */
    public static OnnxModel shared(byte[] bytes, int features) {
        String key = HexFormat.of().formatHex(digest(bytes)) + "/" + features;
        OnnxModel known = LOADED.get(key);
        if (known != null) return known;
        OnnxModel made = load(bytes, features); // outside computeIfAbsent: a refusal must reach the caller as it is
        OnnxModel raced = LOADED.putIfAbsent(key, made);
        return raced != null ? raced : made;
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The model in {@code bytes}, taking {@code features} features; fails with an
     * {@link IllegalArgumentException} saying why when ONNX Runtime cannot load it or its input does not fit.
     */
    public static OnnxModel load(byte[] bytes, int features) {
        try {
            return new OnnxModel(bytes, features);
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime cannot load it: " + firstLine(e), e);
        }
    }

    @Override
    public double probability(double[] features) {
        float[] row = new float[features.length];
        for (int j = 0; j < row.length; j++) row[j] = (float) features[j];
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(row), new long[] {1, row.length});
             OrtSession.Result r = session.run(Map.of(input, x), java.util.Set.of(output))) {
            return read(r.get(0));
        } catch (OrtException e) {
            throw new IllegalStateException("prediction failed: " + firstLine(e), e);
        }
    }

    private double read(OnnxValue v) throws OrtException {
        Object value = v.getValue();
        if (v instanceof OnnxSequence s && !s.getValue().isEmpty() && s.getValue().getFirst() instanceof OnnxMap m) {
            Object p = m.getValue().get(1L);
            if (p == null) p = m.getValue().get("1");
            if (p instanceof Number n) return n.doubleValue();
            throw new IllegalStateException("output '" + output + "' has no probability for class 1: " + m.getValue().keySet());
        }
        double[] flat = flatten(value);
        if (flat.length == 1) return flat[0];
        if (flat.length == 2) return flat[1];
        throw new IllegalStateException("output '" + output + "' holds " + flat.length + " values; one probability (or two, for classes 0 and 1) is needed");
    }

    private static double[] flatten(Object value) {
        return switch (value) {
            case float[] f -> { double[] d = new double[f.length]; for (int i = 0; i < f.length; i++) d[i] = f[i]; yield d; }
            case double[] d -> d.clone();
            case float[][] f when f.length == 1 -> flatten(f[0]);
            case double[][] d when d.length == 1 -> d[0].clone();
            case Float f -> new double[] {f};
            case Double d -> new double[] {d};
            default -> new double[0];
        };
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
