package ai.behavior.models.twotower;

/** How the two-tower model is trained (see {@link TwoTowerLoss}). */
public enum TwoTowerObjective {
    /**
     * In-batch softmax: each row's positive item against the positive items of the other rows of the batch
     * (popular items are over-represented as negatives; {@link TwoTowerOptions#logQCorrection()} corrects that).
     */
    IN_BATCH,
    /**
     * Sampled softmax: each row's positive item against {@link TwoTowerOptions#negatives()} items drawn once per
     * batch from {@link TwoTowerOptions#sampling()} and shared by the rows.
     */
    SAMPLED
}
