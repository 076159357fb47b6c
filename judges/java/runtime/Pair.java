// LeetCode's Java environment provides javafx.util.Pair, and accepted
// solutions use it freely; JavaFX is not in the image, so this stands in for
// it with the same API (the driver drops `import javafx.util.Pair;`).
public class Pair<K, V> implements java.io.Serializable {
    private final K key;
    private final V value;

    public Pair(K key, V value) {
        this.key = key;
        this.value = value;
    }

    public K getKey() { return key; }

    public V getValue() { return value; }

    @Override
    public String toString() { return key + "=" + value; }

    @Override
    public int hashCode() { return key.hashCode() * 13 + (value == null ? 0 : value.hashCode()); }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Pair<?, ?> p)) return false;
        return java.util.Objects.equals(key, p.key) && java.util.Objects.equals(value, p.value);
    }
}
