package ai.behavior.data;

import java.util.Locale;

/**
 * The kinds of shopper behaviour the SDK models.
 *
 * <pre>{@code
 * EventType t = EventType.parse("purchase");   // PURCHASE
 * boolean funnel = t.ordinal() >= EventType.CART.ordinal();
 * }</pre>
 *
 * <p>Source-specific names (Taobao's {@code pv}, {@code buy}) are mapped by a reader's schema, not here.
 */
public enum EventType {
    /** An item detail page was viewed. */
    VIEW,
    /** An item or recommendation was clicked. */
    CLICK,
    /** An item was shown in a list (an impression), clicked or not. */
    IMPRESSION,
    /** The user searched; the item, if any, is what the search led to. */
    SEARCH,
    /** The item was added to a wishlist or favourites. */
    FAVOURITE,
    /** The item was added to the cart. */
    CART,
    /** The item was bought; the value is usually the price paid. */
    PURCHASE,
    /** An explicit rating; the value is the rating. */
    RATING;

    private static final EventType[] VALUES = values();

    /** The event type with this ordinal (the compact code stored in {@link Interactions}). */
    public static EventType ofCode(int code) {
        return VALUES[code];
    }

    /**
     * Parses a canonical name, case-insensitively ("view", "PURCHASE", "favorite" and "favourite").
     *
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static EventType parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("FAVORITE")) {
            return FAVOURITE;
        }
        for (EventType t : VALUES) {
            if (t.name().equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown event type '" + name + "'; expected one of "
                + java.util.Arrays.toString(VALUES).toLowerCase(Locale.ROOT));
    }

    /** Lower-case name used in files and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
