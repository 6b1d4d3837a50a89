package ai.behavior.cli.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The models {@code behavior train} can fit, by the name used in a configuration's {@code "model"} key.
 *
 * <pre>{@code
 * ModelKind kind = ModelKind.parse("implicit-als");
 * boolean ranksItems = kind.recommender();   // true
 * }</pre>
 */
public enum ModelKind {
    /** {@code ai.behavior.recsys.als.ImplicitAls}: implicit-feedback matrix factorisation. */
    IMPLICIT_ALS("implicit-als", true),
    /** {@code ai.behavior.recsys.bpr.Bpr}: pairwise ranking matrix factorisation. */
    BPR("bpr", true),
    /** {@code ai.behavior.recsys.knn.ItemKnn}: item-to-item neighbours. */
    ITEM_KNN("item-knn", true),
    /** {@code ai.behavior.recsys.Popularity}: the baseline every recommender must beat. */
    POPULARITY("popularity", true),
    /** {@code ai.behavior.recsys.mf.BiasedMf}: explicit ratings (RATING events). */
    BIASED_MF("biased-mf", true),
    /** Purchase in the next days per user, logistic regression on the task's default pipeline. */
    PURCHASE_LOGISTIC("purchase-logistic", false),
    /** Purchase in the next days per user, tabular MLP on the task's default pipeline. */
    PURCHASE_MLP("purchase-mlp", false);

    private final String label;
    private final boolean recommender;

    ModelKind(String label, boolean recommender) {
        this.label = label;
        this.recommender = recommender;
    }

    /** The name used in configurations and messages, e.g. {@code "implicit-als"}. */
    public String label() {
        return label;
    }

    /** Whether the model ranks items for users (as opposed to scoring users). */
    public boolean recommender() {
        return recommender;
    }

    /** Every name, comma-separated, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(ModelKind::label).collect(Collectors.joining(", "));
    }

    /**
     * The kind named {@code name} (exactly as listed by {@link #names()}, case-insensitive).
     *
     * @throws IllegalArgumentException listing the names when there is no such model
     */
    public static ModelKind parse(String name) {
        for (ModelKind k : values()) {
            if (k.label.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; expected one of " + names());
    }

    @Override
    public String toString() {
        return label;
    }
}
