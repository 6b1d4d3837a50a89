package ai.behavior.models.twotower;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.categorical.IndexEncoder;
import ai.behavior.feature.numeric.Bucketize;
import ai.behavior.feature.sequence.SequenceBuilder;
import ai.behavior.feature.sequence.SequenceEncoder;
import ai.behavior.feature.sequence.UserSequences;
import ai.behavior.synth.ShopData;
import ai.behavior.split.SplitResult;
import ai.behavior.split.TemporalCutSplit;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The synthetic shop as a retrieval task with a temporal split. Timeline: history before {@code t0}; training
 * positives are the distinct (user, item) pairs with a VIEW, CART or PURCHASE in {@code [t0, cut)}, with each
 * user's features (attributes and last events) taken at {@code t0} (a random 10 % of the users' pairs validate);
 * the model then serves every user from features at {@code cut} and is measured on the purchases at or after
 * {@code cut}.
 *
 * @param split      train (before cut) / test (at or after cut)
 * @param train      the training pairs and rows
 * @param validation the validation pairs and rows
 * @param servingUsers every user of the log's index, features at the cut-off (row u = user u)
 * @param items      every item of the log's index (row i = item i)
 * @param userPipeline the pipeline that made the user rows
 * @param itemPipeline the pipeline that made the item rows
 */
record ShopRetrieval(SplitResult split, TwoTowerData train, TwoTowerData validation, FeatureMatrix servingUsers,
                     FeatureMatrix items, FittedPipeline userPipeline, FittedPipeline itemPipeline) {
    static final int LENGTH = 30;

    static ShopRetrieval of(ShopData shop, long t0, long cut) {
        Interactions log = shop.interactions();
        SplitResult split = TemporalCutSplit.at(cut).apply(log);
        FeatureFrame itemFrame = itemFrame(shop);
        FittedPipeline itemPipeline = Pipeline.builder()
                .add("item", IndexEncoder.of("item_id"))
                .add("category", IndexEncoder.of("category"))
                .add("brand", IndexEncoder.of("brand"))
                .add("price", Bucketize.quantiles("price", 10).missingAsUnknown())
                .build().fit(itemFrame, FitContext.unsupervised());
        FeatureMatrix items = itemPipeline.transform(itemFrame);
        FeatureFrame atT0 = userFrame(shop, t0);
        FittedPipeline userPipeline = Pipeline.builder()
                .add("history", SequenceEncoder.of(UserSequences.ITEMS, LENGTH))
                .add("region", IndexEncoder.of("region"))
                .add("age_band", IndexEncoder.of("age_band"))
                .add("segment", IndexEncoder.of("segment"))
                .build().fit(atT0, FitContext.unsupervised());
        FeatureMatrix usersAtT0 = userPipeline.transform(atT0);
        FeatureMatrix usersAtCut = userPipeline.transform(userFrame(shop, cut));

        SplittableRandom r = new SplittableRandom(3);
        boolean[] validating = new boolean[log.numUsers()];
        for (int u = 0; u < validating.length; u++) {
            validating[u] = r.nextDouble() < 0.1;
        }
        Set<Long> seen = new HashSet<>();
        IntList tu = new IntList();
        IntList ti = new IntList();
        IntList vu = new IntList();
        IntList vi = new IntList();
        for (int row = 0; row < log.size(); row++) {
            long t = log.timestamp(row);
            EventType type = log.type(row);
            boolean engaged = type == EventType.VIEW || type == EventType.CART || type == EventType.PURCHASE;
            if (t < t0 || t >= cut || !engaged) {
                continue;
            }
            int u = log.user(row);
            int i = log.item(row);
            if (seen.add((long) u * log.numItems() + i)) {
                (validating[u] ? vu : tu).add(u);
                (validating[u] ? vi : ti).add(i);
            }
        }
        return new ShopRetrieval(split, new TwoTowerData(usersAtT0, items, tu.toArray(), ti.toArray()),
                new TwoTowerData(usersAtT0, items, vu.toArray(), vi.toArray()), usersAtCut, items, userPipeline,
                itemPipeline);
    }

    /** One row per item of the log's index: its id and the item table's attributes. */
    static FeatureFrame itemFrame(ShopData shop) {
        IdIndex ids = shop.interactions().items();
        return FeatureFrame.builder(ids.size()).keys(ids).categorical("item_id", ids.ids()).build()
                .leftJoin(FeatureFrame.of(shop.items()));
    }

    /** One row per user of the log's index: the last events before {@code at} and the user table's attributes. */
    static FeatureFrame userFrame(ShopData shop, long at) {
        IdIndex ids = shop.interactions().users();
        UserSequences seq = SequenceBuilder.lastEvents(LENGTH).ofTypes(EventType.VIEW, EventType.CART,
                EventType.PURCHASE).build(shop.interactions(), at);
        return FeatureFrame.builder(ids.size()).keys(ids).build().leftJoin(seq.frame()).leftJoin(
                FeatureFrame.of(shop.users()));
    }

    /** A growable int array. */
    static final class IntList {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
