package ai.behavior.models.sequence;

/** The sequence encoders: GRU4Rec-style recurrent networks and the SASRec-style Transformer. */
public enum EncoderKind {
    /** A gated recurrent unit (DJL's fused {@code GRU}); the state at the last real event represents the sequence. */
    GRU,
    /** A long short-term memory network (DJL's fused {@code LSTM}); otherwise as {@link #GRU}. */
    LSTM,
    /** Pre-layer-norm causal self-attention with learned positions (see {@code ai.behavior.models.attention}). */
    TRANSFORMER
}
