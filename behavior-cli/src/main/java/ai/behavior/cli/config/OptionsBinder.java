package ai.behavior.cli.config;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.knn.Reweighting;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies the {@code "options"} object of a training configuration to an options record through its with-ers,
 * so that the configuration's keys are exactly the with-ers' names ({@code withFactors} is {@code "factors"};
 * {@code LogisticOptions.l2(double)} is {@code "l2"}) and stay in step with the SDK.
 *
 * <pre>{@code
 * ImplicitAls.Options o = OptionsBinder.bind(ImplicitAls.Options.defaults(), json, "options", context, Set.of());
 * List<String> keys = OptionsBinder.allowedKeys(ImplicitAls.Options.class, Set.of());
 * }</pre>
 *
 * <p>Values: numbers for {@code int}, {@code long}, {@code double} and {@code float} (an integer must be
 * written without a fraction), booleans, enum names (any case, {@code -} for {@code _}), arrays for
 * several-argument with-ers ({@code "clip": [1, 5]}) and varargs ({@code "hidden": [64, 32]}), objects for nested
 * options ({@code "training": {"epochs": 5}}), and these special forms:
 * <ul>
 *   <li>{@code weighting}: {@code "counts"}, {@code "ratings"}, or an object of event type to weight,
 *       {@code {"view": 1, "cart": 3, "purchase": 5}};</li>
 *   <li>{@code reweighting}: {@code "none"}, {@code "tf-idf"}, {@code "bm25"} or
 *       {@code {"bm25": {"k1": 1.2, "b": 0.75}}};</li>
 *   <li>{@code earlyStopping}: {@code {"patience": 3, "k": 10}} (implicit ALS, BPR) or
 *       {@code {"patience": 3, "restoreBest": true}} (biased MF), on the validation part of the split;</li>
 *   <li>{@code device}: {@code "cpu"}, {@code "gpu"}, {@code "gpu:1"}, {@code "auto"}, {@code "require_gpu"}.</li>
 * </ul>
 * A key that is not a with-er is a {@link ConfigException} listing the allowed keys; an option the record rejects
 * is one with the record's own message.
 */
public final class OptionsBinder {
    /**
     * What binding may need besides the JSON.
     *
     * @param validation the validation events for early stopping (sharing the training log's indices), or null
     * @param file       the configuration file's name, for messages
     */
    public record Context(Interactions validation, String file) {
    }

    private OptionsBinder() {
    }

    /**
     * A copy of {@code start} with every key of {@code json} applied in order.
     *
     * @param start  the options to start from (usually {@code defaults()})
     * @param json   the options object
     * @param path   where {@code json} sits in the file, for messages (e.g. {@code "options"})
     * @param hidden keys that exist as with-ers but are not configurable here (set by the tool)
     * @throws ConfigException naming the key for an unknown key, a badly typed value or a rejected option
     */
    public static <T> T bind(T start, JsonObject json, String path, Context context, Set<String> hidden) {
        Map<String, List<Method>> setters = setters(start.getClass(), hidden);
        T current = start;
        for (Map.Entry<String, JsonElement> e : json.entrySet()) {
            String key = e.getKey();
            String where = path + "." + key;
            List<Method> candidates = setters.get(key);
            if (candidates == null) {
                throw new ConfigException(context.file() + ": unknown key '" + where + "'; allowed keys: "
                        + String.join(", ", setters.keySet()));
            }
            current = apply(current, choose(candidates, e.getValue()), e.getValue(), where, context);
        }
        return current;
    }

    /** The keys {@link #bind} accepts for options of {@code type}, sorted. */
    public static List<String> allowedKeys(Class<?> type, Set<String> hidden) {
        return new ArrayList<>(setters(type, hidden).keySet());
    }

    private static Map<String, List<Method>> setters(Class<?> type, Set<String> hidden) {
        Set<String> components = Set.of();
        if (type.isRecord()) {
            components = new java.util.HashSet<>();
            for (RecordComponent c : type.getRecordComponents()) {
                components.add(c.getName());
            }
        }
        Map<String, List<Method>> out = new TreeMap<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getReturnType() != type || m.getParameterCount() == 0) {
                continue;
            }
            String key;
            if (m.getName().startsWith("with") && m.getName().length() > 4) {
                key = Character.toLowerCase(m.getName().charAt(4)) + m.getName().substring(5);
            } else if (components.contains(m.getName())) {
                key = m.getName(); // LogisticOptions.l2(double): a with-er named after its component
            } else {
                continue;
            }
            if (!hidden.contains(key) && supported(m)) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    private static boolean supported(Method m) {
        if (m.getParameterCount() == 1) {
            Class<?> p = m.getParameterTypes()[0];
            return p != Interactions.class && !p.getSimpleName().equals("ProgressListener");
        }
        if (m.getParameterCount() == 2 && m.getParameterTypes()[0] == Interactions.class) {
            return false; // withEarlyStopping(validation, patience): the one-argument form is used
        }
        for (Class<?> p : m.getParameterTypes()) {
            if (p != double.class && p != int.class && p != long.class && p != float.class) {
                return false;
            }
        }
        return true;
    }

    /** A single-argument with-er unless the value is an array that fits a several-argument one. */
    private static Method choose(List<Method> candidates, JsonElement value) {
        for (Method m : candidates) {
            boolean multi = m.getParameterCount() > 1;
            if (multi == (value.isJsonArray() && !m.getParameterTypes()[0].isArray())) {
                return m;
            }
        }
        return candidates.get(0);
    }

    private static <T> T apply(T current, Method m, JsonElement value, String where, Context context) {
        Object[] args;
        if (m.getParameterCount() == 1) {
            Class<?> p = m.getParameterTypes()[0];
            args = new Object[] {convert(p, value, where, context, nestedStart(current, m, p))};
        } else {
            if (!value.isJsonArray() || value.getAsJsonArray().size() != m.getParameterCount()) {
                throw new ConfigException(context.file() + ": '" + where + "' expects an array of "
                        + m.getParameterCount() + " numbers, got " + value);
            }
            JsonArray a = value.getAsJsonArray();
            args = new Object[a.size()];
            for (int i = 0; i < a.size(); i++) {
                args[i] = convert(m.getParameterTypes()[i], a.get(i), where + "[" + i + "]", context, null);
            }
        }
        try {
            @SuppressWarnings("unchecked")
            T next = (T) m.invoke(current, args);
            return next;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ConfigException(context.file() + ": '" + where + "': " + cause.getMessage());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m, e);
        }
    }

    /** For nested options ({@code training}), the current value to start from, read by its accessor. */
    private static Object nestedStart(Object current, Method setter, Class<?> type) {
        if (type.isPrimitive() || type.isEnum() || type == String.class || !type.isRecord()) {
            return null;
        }
        String key = setter.getName().startsWith("with")
                ? Character.toLowerCase(setter.getName().charAt(4)) + setter.getName().substring(5) : setter.getName();
        try {
            Object v = current.getClass().getMethod(key).invoke(current);
            return v != null && type.isInstance(v) ? v : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Object convert(Class<?> type, JsonElement v, String where, Context context, Object nested) {
        String file = context.file();
        if (type == int.class || type == long.class) {
            long n = integer(v, where, file);
            if (type == int.class && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
                throw new ConfigException(file + ": '" + where + "' is out of the int range: " + v);
            }
            return type == int.class ? (Object) (int) n : (Object) n;
        }
        if (type == double.class || type == float.class) {
            double d = number(v, where, file);
            return type == float.class ? (Object) (float) d : (Object) d;
        }
        if (type == boolean.class) {
            if (!(v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean())) {
                throw new ConfigException(file + ": '" + where + "' expects true or false, got " + v);
            }
            return v.getAsBoolean();
        }
        if (type == String.class) {
            return text(v, where, file);
        }
        if (type == int[].class) {
            if (!v.isJsonArray()) {
                throw new ConfigException(file + ": '" + where + "' expects an array of integers, e.g. [64, 32], got "
                        + v);
            }
            JsonArray a = v.getAsJsonArray();
            int[] out = new int[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) integer(a.get(i), where + "[" + i + "]", file);
            }
            return out;
        }
        if (type.isEnum()) {
            return enumValue(type, v, where, file);
        }
        if (type == Weighting.class) {
            return weighting(v, where, file);
        }
        if (type == Reweighting.class) {
            return reweighting(v, where, file);
        }
        if (type == DevicePolicy.class) {
            try {
                return DevicePolicy.parse(text(v, where, file));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": '" + where + "': " + e.getMessage());
            }
        }
        if (type == ai.behavior.recsys.als.EarlyStopping.class) {
            JsonObject o = object(v, where, file, Set.of("k", "patience"));
            return new ai.behavior.recsys.als.EarlyStopping(validation(context, where),
                    o.has("k") ? (int) integer(o.get("k"), where + ".k", file) : 10,
                    o.has("patience") ? (int) integer(o.get("patience"), where + ".patience", file)
                            : ai.behavior.recsys.als.EarlyStopping.DEFAULT_PATIENCE);
        }
        if (type == ai.behavior.recsys.mf.EarlyStopping.class) {
            JsonObject o = object(v, where, file, Set.of("patience", "restoreBest"));
            return new ai.behavior.recsys.mf.EarlyStopping(validation(context, where),
                    o.has("patience") ? (int) integer(o.get("patience"), where + ".patience", file) : 3,
                    !o.has("restoreBest") || (boolean) convert(boolean.class, o.get("restoreBest"),
                            where + ".restoreBest", context, null));
        }
        if (nested != null && v.isJsonObject()) {
            return bind(nested, v.getAsJsonObject(), where, context, Set.of("progress"));
        }
        throw new ConfigException(file + ": '" + where + "' cannot be set from a configuration file (type "
                + type.getSimpleName() + ")");
    }

    private static Interactions validation(Context context, String where) {
        if (context.validation() == null || context.validation().isEmpty()) {
            throw new ConfigException(context.file() + ": '" + where + "' needs validation events: give the split "
                    + "three ratios (e.g. \"ratios\": [0.8, 0.1, 0.1]) or \"validationLast\", or pass "
                    + "--validation FILE");
        }
        return context.validation();
    }

    private static long integer(JsonElement v, String where, String file) {
        if (!(v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber())) {
            throw new ConfigException(file + ": '" + where + "' expects an integer, got " + v);
        }
        BigDecimal d = v.getAsBigDecimal();
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw new ConfigException(file + ": '" + where + "' expects an integer, got " + v);
        }
    }

    private static double number(JsonElement v, String where, String file) {
        if (!(v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber())) {
            throw new ConfigException(file + ": '" + where + "' expects a number, got " + v);
        }
        double d = v.getAsDouble();
        if (!Double.isFinite(d)) {
            throw new ConfigException(file + ": '" + where + "' must be finite, got " + v);
        }
        return d;
    }

    private static String text(JsonElement v, String where, String file) {
        if (!(v.isJsonPrimitive() && ((JsonPrimitive) v).isString())) {
            throw new ConfigException(file + ": '" + where + "' expects a string, got " + v);
        }
        return v.getAsString();
    }

    private static JsonObject object(JsonElement v, String where, String file, Set<String> keys) {
        if (!v.isJsonObject()) {
            throw new ConfigException(file + ": '" + where + "' expects an object with keys "
                    + String.join(", ", new java.util.TreeSet<>(keys)) + ", got " + v);
        }
        for (String k : v.getAsJsonObject().keySet()) {
            if (!keys.contains(k)) {
                throw new ConfigException(file + ": unknown key '" + where + "." + k + "'; allowed keys: "
                        + String.join(", ", new java.util.TreeSet<>(keys)));
            }
        }
        return v.getAsJsonObject();
    }

    private static Object enumValue(Class<?> type, JsonElement v, String where, String file) {
        String name = text(v, where, file).strip().replace('-', '_');
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            String n = ((Enum<?>) c).name();
            names.add(n.toLowerCase(Locale.ROOT).replace('_', '-'));
            if (n.equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new ConfigException(file + ": '" + where + "' expects one of " + String.join(", ", names) + ", got "
                + v);
    }

    private static Weighting weighting(JsonElement v, String where, String file) {
        if (v.isJsonPrimitive()) {
            String s = text(v, where, file).strip().toLowerCase(Locale.ROOT);
            if (s.equals("counts")) {
                return Weighting.counts();
            }
            if (s.equals("ratings")) {
                return Weighting.ratings();
            }
            throw new ConfigException(file + ": '" + where + "' expects \"counts\", \"ratings\" or an object of event "
                    + "type to weight like {\"view\": 1, \"purchase\": 5}, got " + v);
        }
        if (!v.isJsonObject()) {
            throw new ConfigException(file + ": '" + where + "' expects \"counts\", \"ratings\" or an object of event "
                    + "type to weight like {\"view\": 1, \"purchase\": 5}, got " + v);
        }
        Map<EventType, Float> weights = new EnumMap<>(EventType.class);
        for (Map.Entry<String, JsonElement> e : v.getAsJsonObject().entrySet()) {
            EventType t;
            try {
                t = EventType.parse(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(file + ": '" + where + "." + e.getKey() + "': " + ex.getMessage());
            }
            weights.put(t, (float) number(e.getValue(), where + "." + e.getKey(), file));
        }
        try {
            return Weighting.byType(weights);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(file + ": '" + where + "': " + ex.getMessage());
        }
    }

    private static Reweighting reweighting(JsonElement v, String where, String file) {
        String expected = "\"none\", \"tf-idf\", \"bm25\" or {\"bm25\": {\"k1\": 1.2, \"b\": 0.75}}";
        if (v.isJsonPrimitive()) {
            String s = text(v, where, file).strip().toLowerCase(Locale.ROOT);
            if (s.equals("none")) {
                return Reweighting.none();
            }
            if (s.equals("tf-idf") || s.equals("tfidf")) {
                return Reweighting.tfIdf();
            }
            if (s.equals("bm25")) {
                return Reweighting.bm25(1.2, 0.75);
            }
        } else if (v.isJsonObject() && v.getAsJsonObject().has("bm25") && v.getAsJsonObject().size() == 1) {
            JsonObject p = object(v.getAsJsonObject().get("bm25"), where + ".bm25", file, Set.of("k1", "b"));
            try {
                return Reweighting.bm25(p.has("k1") ? number(p.get("k1"), where + ".bm25.k1", file) : 1.2,
                        p.has("b") ? number(p.get("b"), where + ".bm25.b", file) : 0.75);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": '" + where + "': " + e.getMessage());
            }
        }
        throw new ConfigException(file + ": '" + where + "' expects " + expected + ", got " + v);
    }
}
