package io.tradeshell.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A model trained elsewhere, read as ONNX, predicts what its own formula gives. */
class OnnxModelTest {
    private static final float[] WEIGHTS = {0.8f, -1.5f, 0.25f};
    private static final float BIAS = -0.1f;

    @Test
    void aLogisticRegressionGivesTheLogisticOfItsWeightedSum() {
        OnnxModel model = OnnxModel.load(OnnxGraphs.logistic(WEIGHTS, BIAS), 3);
        Random random = new Random(11);
        for (int k = 0; k < 200; k++) {
            double[] x = {random.nextGaussian() * 2, random.nextGaussian(), random.nextGaussian() * 5};
            // the runtime computes in float: the inputs are rounded to float, the sum and the logistic are not much further off
            double z = BIAS;
            for (int j = 0; j < x.length; j++) z += WEIGHTS[j] * (double) (float) x[j];
            double expected = 1 / (1 + Math.exp(-z));
            assertThat(model.probability(x)).as("row %d", k).isCloseTo(expected, within(1e-6));
        }
        assertThat(model.probability(new double[] {0, 0, 0})).isCloseTo(1 / (1 + Math.exp(0.1)), within(1e-7));
    }

    @Test
    void theSameBytesGiveTheSamePredictionsBitForBit() {
        byte[] file = OnnxGraphs.logistic(WEIGHTS, BIAS);
        OnnxModel a = OnnxModel.load(file, 3), b = OnnxModel.load(a.bytes(), 3);
        assertThat(b.bytes()).isEqualTo(file);
        double[] x = {0.3, -2.1, 7};
        assertThat(Double.doubleToLongBits(b.probability(x))).isEqualTo(Double.doubleToLongBits(a.probability(x)));
        assertThat(OnnxModel.shared(file, 3)).isSameAs(OnnxModel.shared(file.clone(), 3)).isNotSameAs(a);
    }

    /** dsl's tests import {@code logistic3.onnx}: this generator wrote it, and writes it again byte for byte. */
    @Test
    void theCommittedModelOfTheLanguageTestsIsTheOneThisGeneratorWrites() throws Exception {
        byte[] committed = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../dsl/src/test/resources/onnx/logistic3.onnx"));
        assertThat(committed).isEqualTo(OnnxGraphs.logistic(new float[] {2.0f, -1.5f, -0.5f}, 0.25f));
    }

    @Test
    void aModelForOtherFeaturesOrNotAModelAtAllIsRefusedSayingWhy() {
        assertThatThrownBy(() -> OnnxModel.load(OnnxGraphs.logistic(WEIGHTS, BIAS), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has shape [-1, 3], not [1, 2] for the 2 features given");
        assertThatThrownBy(() -> OnnxModel.load(new byte[] {1, 2, 3}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ONNX Runtime cannot load it");
    }
}
