package ai.behavior.cli;

import ai.behavior.cli.config.SplitSpec;
import ai.behavior.cli.data.DataFormat;
import ai.behavior.data.EventType;
import ai.behavior.eval.CandidateMode;
import ai.behavior.io.TimestampFormat;
import ai.behavior.recsys.eval.TruthFilter;
import ai.behavior.split.Ratios;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parsers of the flag values with a form of their own; each error says the expected form, and picocli puts
 * the flag's name in front of it ("Invalid value for option '--ratios': expected ...").
 *
 * <pre>{@code
 * @Option(names = "--ratios", converter = ValueConverters.RatiosConverter.class) Ratios ratios;
 * }</pre>
 */
public final class ValueConverters {
    private ValueConverters() {
    }

    /** {@code 0.8,0.2} or {@code 0.8,0.1,0.1}. */
    public static final class RatiosConverter implements ITypeConverter<Ratios> {
        @Override
        public Ratios convert(String value) {
            try {
                return SplitSpec.parseRatios(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A positive integer (each value of {@code --k 10,20}). */
    public static final class PositiveIntConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int k;
            try {
                k = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                k = 0;
            }
            if (k <= 0) {
                throw new TypeConversionException("expected positive integers like 10 or 10,20, got '" + value + "'");
            }
            return k;
        }
    }

    /** {@code full}, {@code sampled-uniform:N}, {@code sampled-popularity:N} or {@code pointwise}. */
    public static final class ProtocolConverter implements ITypeConverter<CandidateMode> {
        private static final String FORM = "expected full, sampled-uniform:N, sampled-popularity:N (N negatives per "
                + "held-out item, e.g. sampled-uniform:100) or pointwise";

        @Override
        public CandidateMode convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.equals("full")) {
                return new CandidateMode.Full();
            }
            if (v.equals("pointwise")) {
                return new CandidateMode.Pointwise();
            }
            int colon = v.indexOf(':');
            String mode = colon < 0 ? v : v.substring(0, colon);
            if ((mode.equals("sampled-uniform") || mode.equals("sampled-popularity"))) {
                int n;
                try {
                    n = colon < 0 ? -1 : Integer.parseInt(v.substring(colon + 1));
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n <= 0) {
                    throw new TypeConversionException(FORM + "; '" + value + "' needs a positive N after the colon");
                }
                return mode.equals("sampled-uniform") ? new CandidateMode.SampledUniform(n)
                        : new CandidateMode.SampledByPopularity(n);
            }
            throw new TypeConversionException(FORM + ", got '" + value + "'");
        }
    }

    /** {@code all}, event types {@code purchase} or {@code purchase,cart}, or {@code min-value:4}. */
    public static final class TruthConverter implements ITypeConverter<TruthFilter> {
        private static final String FORM = "expected all, event types like purchase or purchase,cart, or "
                + "min-value:X (e.g. min-value:4 for ratings of 4 and up)";

        @Override
        public TruthFilter convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.equals("all")) {
                return TruthFilter.all();
            }
            if (v.startsWith("min-value:")) {
                try {
                    float min = Float.parseFloat(v.substring("min-value:".length()));
                    if (Float.isFinite(min)) {
                        return TruthFilter.minValue(min);
                    }
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
                throw new TypeConversionException(FORM + ", got '" + value + "'");
            }
            String[] names = v.split(",");
            EventType[] types = new EventType[names.length];
            for (int i = 0; i < names.length; i++) {
                try {
                    types[i] = EventType.parse(names[i]);
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException(FORM + ", got '" + value + "' (" + e.getMessage() + ")");
                }
            }
            return TruthFilter.ofTypes(types);
        }
    }

    /** {@code csv}, {@code movielens} or {@code taobao}. */
    public static final class FormatConverter implements ITypeConverter<DataFormat> {
        @Override
        public DataFormat convert(String value) {
            try {
                return DataFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code millis}, {@code seconds} or {@code iso}. */
    public static final class TimeFormatConverter implements ITypeConverter<TimestampFormat> {
        @Override
        public TimestampFormat convert(String value) {
            switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "millis":
                    return TimestampFormat.EPOCH_MILLIS;
                case "seconds":
                    return TimestampFormat.EPOCH_SECONDS;
                case "iso":
                    return TimestampFormat.ISO_8601;
                default:
                    throw new TypeConversionException("expected millis (Unix milliseconds), seconds (Unix seconds) or "
                            + "iso (ISO-8601), got '" + value + "'");
            }
        }
    }

    /** One character, or {@code tab}. */
    public static final class DelimiterConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            if (value.equalsIgnoreCase("tab") || value.equals("\\t") || value.equals("\t")) {
                return '\t';
            }
            if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
                throw new TypeConversionException("expected one character such as , or ; or the word tab, got '"
                        + value + "'");
            }
            return value.charAt(0);
        }
    }

    /**
     * Source event names and the event types they stand for (a value type of its own, since picocli gives
     * {@code Map} options a {@code key=value} syntax of its own).
     *
     * @param names source name to event type, in the order given
     */
    public record EventNames(Map<String, EventType> names) {
    }

    /** {@code pv=view,buy=purchase}: source event names to event types. */
    public static final class EventMapConverter implements ITypeConverter<EventNames> {
        @Override
        public EventNames convert(String value) {
            Map<String, EventType> out = new LinkedHashMap<>();
            for (String pair : value.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new TypeConversionException("expected NAME=TYPE pairs like pv=view,buy=purchase, got '"
                            + value + "'");
                }
                try {
                    out.put(pair.substring(0, eq).strip(), EventType.parse(pair.substring(eq + 1)));
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException("in '" + pair + "': " + e.getMessage());
                }
            }
            return new EventNames(out);
        }
    }
}
