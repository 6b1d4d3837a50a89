package ai.behavior.cli.model;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;

/**
 * A loaded recommender ready to serve and be evaluated: the model seen through indices shared with the training
 * events (for seen-item filtering and the popularity fallback) and the held-out events.
 *
 * <pre>{@code
 * Serving s = Serving.of(model, train, test);
 * TopNEvaluator.evaluate(s.recommender(), s.train(), s.test(), protocol, options);
 * }</pre>
 *
 * @param recommender the model with the training events as "seen" and popularity on them as fallback
 * @param train       the training events in the shared indices
 * @param test        the held-out events in the shared indices (empty when serving only)
 * @param newUsers    users of the events the model has never seen
 * @param newItems    items of the events the model has never seen (scored NaN: never recommended)
 */
public record Serving(Recommender recommender, Interactions train, Interactions test, int newUsers, int newItems) {
    /**
     * Aligns {@code train} and {@code test} with the model's indices and builds the recommender.
     *
     * @throws IllegalArgumentException if {@code train} is empty (there is nothing to fall back on)
     */
    public static Serving of(ItemScorer model, Interactions train, Interactions test) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the training events are empty: nothing to exclude as seen and no "
                    + "popularity to fall back on");
        }
        AlignedLogs a = AlignedLogs.of(model.users(), model.items(), train, test);
        Interactions alignedTrain = a.parts().get(0);
        AlignedScorer scorer = AlignedScorer.of(model, a.users(), a.items());
        Recommender r = new Recommender(scorer, UserItemMatrix.of(alignedTrain, Weighting.counts()),
                Popularity.fit(alignedTrain, Popularity.Options.defaults()));
        return new Serving(r, alignedTrain, a.parts().get(1), a.newUsers(), a.newItems());
    }
}
