package ai.behavior.synth;

import java.util.Arrays;

/** Growable primitive columns of {@link ViewTruth}, filled while events are generated. */
final class ViewTruthBuffer {
    private int[] rows;
    private double[] cart;
    private double[] purchase;
    private boolean[] carted;
    private boolean[] purchased;
    private double[] affinity;
    private double[] dwellZ;
    private boolean[] searched;
    private boolean[] repeat;
    private boolean[] owned;
    private int size;

    ViewTruthBuffer(int expected) {
        int cap = Math.max(16, expected);
        rows = new int[cap];
        cart = new double[cap];
        purchase = new double[cap];
        carted = new boolean[cap];
        purchased = new boolean[cap];
        affinity = new double[cap];
        dwellZ = new double[cap];
        searched = new boolean[cap];
        repeat = new boolean[cap];
        owned = new boolean[cap];
    }

    /** Records a view, its probabilities and the planted inputs they came from; returns its entry index. */
    int add(int row, double cartProbability, double purchaseProbability, double viewAffinity, double viewDwellZ,
            boolean viewSearched, boolean viewRepeat, boolean viewOwned) {
        if (size == rows.length) {
            int cap = size + (size >> 1) + 16;
            rows = Arrays.copyOf(rows, cap);
            cart = Arrays.copyOf(cart, cap);
            purchase = Arrays.copyOf(purchase, cap);
            carted = Arrays.copyOf(carted, cap);
            purchased = Arrays.copyOf(purchased, cap);
            affinity = Arrays.copyOf(affinity, cap);
            dwellZ = Arrays.copyOf(dwellZ, cap);
            searched = Arrays.copyOf(searched, cap);
            repeat = Arrays.copyOf(repeat, cap);
            owned = Arrays.copyOf(owned, cap);
        }
        rows[size] = row;
        cart[size] = cartProbability;
        purchase[size] = purchaseProbability;
        affinity[size] = viewAffinity;
        dwellZ[size] = viewDwellZ;
        searched[size] = viewSearched;
        repeat[size] = viewRepeat;
        owned[size] = viewOwned;
        return size++;
    }

    /** Marks entry {@code k} as carted. */
    void markCarted(int k) {
        carted[k] = true;
    }

    /** Marks entry {@code k} as purchased. */
    void markPurchased(int k) {
        purchased[k] = true;
    }

    /** The frozen truth. */
    ViewTruth freeze() {
        return new ViewTruth(Arrays.copyOf(rows, size), Arrays.copyOf(cart, size), Arrays.copyOf(purchase, size),
                Arrays.copyOf(carted, size), Arrays.copyOf(purchased, size), Arrays.copyOf(affinity, size),
                Arrays.copyOf(dwellZ, size), Arrays.copyOf(searched, size), Arrays.copyOf(repeat, size),
                Arrays.copyOf(owned, size));
    }
}
