package ai.behavior.feature.select;

import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.modelfile.ModelFileException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every selection reducer applies: the kept dense columns, by position, in their input order. Holds all
 * input names so a description can name the dropped columns too.
 */
final class ColumnSubset {
    private final List<String> inputNames;
    private final int[] keep;
    private final List<String> outputNames;

    ColumnSubset(List<String> inputNames, int[] keep) {
        this.inputNames = List.copyOf(inputNames);
        this.keep = keep.clone();
        List<String> out = new ArrayList<>(keep.length);
        for (int k : keep) {
            out.add(this.inputNames.get(k));
        }
        this.outputNames = List.copyOf(out);
    }

    /** The kept positions among {@code flags} (true = keep), in input order. */
    static int[] kept(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        int[] out = new int[n];
        for (int j = 0, i = 0; j < flags.length; j++) {
            if (flags[j]) {
                out[i++] = j;
            }
        }
        return out;
    }

    int inputWidth() {
        return inputNames.size();
    }

    List<String> inputNames() {
        return inputNames;
    }

    List<String> outputNames() {
        return outputNames;
    }

    boolean isKept(int column) {
        return Arrays.binarySearch(keep, column) >= 0;
    }

    /** Copies the kept values of one row; allocates nothing. */
    void apply(float[] in, int inOff, float[] out, int outOff) {
        for (int i = 0; i < keep.length; i++) {
            out[outOff + i] = in[inOff + keep[i]];
        }
    }

    void save(StepWriter out) throws IOException {
        out.param("width", (long) inputNames.size());
        out.strings("inputs", inputNames.toArray(new String[0]));
        out.ints("keep", keep);
    }

    static ColumnSubset load(StepReader in) throws IOException {
        int width = in.intParam("width");
        String[] names = in.strings("inputs");
        int[] keep = in.ints("keep");
        if (names.length != width || keep.length == 0) {
            throw new ModelFileException("reducer '" + in.step() + "': " + names.length + " input names for width "
                    + width + " and " + keep.length + " kept columns");
        }
        for (int i = 0; i < keep.length; i++) {
            if (keep[i] < 0 || keep[i] >= width || (i > 0 && keep[i] <= keep[i - 1])) {
                throw new ModelFileException("reducer '" + in.step() + "': kept column " + keep[i]
                        + " is out of order or outside width " + width);
            }
        }
        return new ColumnSubset(List.of(names), keep);
    }

    /** Reads a per-input-column double array and checks its length. */
    static double[] perColumn(StepReader in, String name, int width) throws IOException {
        double[] v = in.doubles(name);
        if (v.length != width) {
            throw new ModelFileException("reducer '" + in.step() + "': '" + name + "' has " + v.length
                    + " values for " + width + " columns");
        }
        return v;
    }
}
