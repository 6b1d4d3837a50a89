package ai.behavior.io;

/**
 * A source column, by header name or by 0-based position.
 *
 * <pre>{@code
 * ColumnRef user = ColumnRef.named("user_id");
 * ColumnRef third = ColumnRef.at(2);
 * }</pre>
 *
 * @param name  the header name (empty when referenced by position)
 * @param index the 0-based position (-1 when referenced by name)
 */
public record ColumnRef(String name, int index) {
    /** Checks that exactly one of name and index is given. */
    public ColumnRef {
        if (name == null) {
            name = "";
        }
        if (name.isEmpty() == (index < 0)) {
            throw new IllegalArgumentException("a column is referenced by a name or by a 0-based index, not both");
        }
    }

    /** The column with this header name. */
    public static ColumnRef named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
        return new ColumnRef(name, -1);
    }

    /** The column at this 0-based position. */
    public static ColumnRef at(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("column index must be >= 0, got " + index);
        }
        return new ColumnRef("", index);
    }

    /** Whether the column is referenced by header name. */
    public boolean byName() {
        return !name.isEmpty();
    }

    @Override
    public String toString() {
        return byName() ? name : "#" + index;
    }
}
