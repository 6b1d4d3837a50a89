package ai.behavior.recsys.knn;

/**
 * One item similar to another, as returned by {@link ItemKnn#similarItems(int, int)}.
 *
 * <pre>{@code
 * for (Neighbour n : model.similarItems("i42", 10)) System.out.println(n.itemId() + " " + n.similarity());
 * }</pre>
 *
 * @param index      dense item index
 * @param itemId     external item id
 * @param similarity the similarity, {@code > 0}
 */
public record Neighbour(int index, String itemId, float similarity) {
}
