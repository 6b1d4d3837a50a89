/**
 * Causal self-attention for sequence models, composed from DJL's {@code Linear}, {@code LayerNorm} and
 * {@code Dropout} blocks and NDArray operations: {@link ai.behavior.models.attention.CausalSelfAttention}
 * (multi-head, with a padding-aware causal mask from {@link ai.behavior.models.attention.AttentionMask}),
 * the pre-layer-norm {@link ai.behavior.models.attention.TransformerLayer} and the SASRec-style
 * {@link ai.behavior.models.attention.TransformerEncoder} with learned positions. Each exposes its attention
 * weights as inference computes them ({@code weights}, {@code attentionWeights}) for explanations.
 *
 * <p>DJL's own {@code TransformerEncoderBlock} normalises with batch norm and has no positions, so it is not
 * used here.
 */
package ai.behavior.models.attention;
