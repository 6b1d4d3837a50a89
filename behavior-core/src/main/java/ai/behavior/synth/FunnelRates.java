package ai.behavior.synth;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import java.util.Locale;

/**
 * Event counts and funnel conversion rates of a log: views, carts, purchases and the ratios between them.
 *
 * <pre>{@code
 * FunnelRates f = FunnelRates.of(shop.interactions());
 * System.out.println(f);   // views=..., view->cart=5.6%, cart->purchase=41%, view->purchase=2.3%
 * }</pre>
 *
 * <p>Rates are plain row-count ratios (0 when the denominator is 0), so they are comparable across logs
 * whatever produced them.
 *
 * @param views      number of VIEW rows
 * @param carts      number of CART rows
 * @param purchases  number of PURCHASE rows
 * @param favourites number of FAVOURITE rows
 * @param searches   number of SEARCH rows
 */
public record FunnelRates(long views, long carts, long purchases, long favourites, long searches) {

    /** Counts the funnel rows of {@code log}. */
    public static FunnelRates of(Interactions log) {
        long[] n = new long[EventType.values().length];
        for (int r = 0, size = log.size(); r < size; r++) {
            n[log.typeCode(r)]++;
        }
        return new FunnelRates(n[EventType.VIEW.ordinal()], n[EventType.CART.ordinal()],
                n[EventType.PURCHASE.ordinal()], n[EventType.FAVOURITE.ordinal()], n[EventType.SEARCH.ordinal()]);
    }

    /** CART rows per VIEW row. */
    public double viewToCart() {
        return ratio(carts, views);
    }

    /** PURCHASE rows per CART row. */
    public double cartToPurchase() {
        return ratio(purchases, carts);
    }

    /** PURCHASE rows per VIEW row. */
    public double viewToPurchase() {
        return ratio(purchases, views);
    }

    /** FAVOURITE rows per VIEW row. */
    public double viewToFavourite() {
        return ratio(favourites, views);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "views=%d, carts=%d, purchases=%d, view->cart=%.2f%%, cart->purchase=%.1f%%, "
                        + "view->purchase=%.2f%%, view->favourite=%.2f%%",
                views, carts, purchases, 100 * viewToCart(), 100 * cartToPurchase(), 100 * viewToPurchase(),
                100 * viewToFavourite());
    }
}
