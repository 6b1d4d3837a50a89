package ai.behavior.models.train;

import ai.behavior.models.Planted;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;

import java.util.SplittableRandom;

/**
 * A tiny regression task for the loop's tests: {@code y = 2 x1 - 3 x2 + 1 + N(0, 0.1^2)}, network Linear(1),
 * loss mean squared error. Any optimizer that works recovers weight (2, -3) and bias 1.
 */
final class LinearTask implements BatchSource {
    final float[] x;
    final float[] y;
    private final BatchArrays scratch = new BatchArrays();

    LinearTask(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        x = new float[2 * rows];
        y = new float[rows];
        for (int i = 0; i < rows; i++) {
            double a = Planted.gaussian(r);
            double b = Planted.gaussian(r);
            x[2 * i] = (float) a;
            x[2 * i + 1] = (float) b;
            y[i] = (float) (2 * a - 3 * b + 1 + 0.1 * Planted.gaussian(r));
        }
    }

    static Block network() {
        return Linear.builder().setUnits(1).build();
    }

    TrainingTask task(Validation validation) {
        return new TrainingTask("linear", LinearTask::network, new Shape[] {new Shape(1, 2)}, this,
                (p, l) -> p.head().reshape(-1).sub(l.head()).square().mean(), validation);
    }

    @Override
    public int size() {
        return y.length;
    }

    @Override
    public NDList inputs(NDManager batch, int[] rows, int from, int to) {
        return new NDList(scratch.floats(batch, 0, x, 2, rows, from, to));
    }

    @Override
    public NDList labels(NDManager batch, int[] rows, int from, int to) {
        return new NDList(scratch.floatVector(batch, 1, y, rows, from, to));
    }
}
