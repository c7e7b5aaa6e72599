package io.tradeshell.engine.indicators.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * Walks ta4j's jar for the indicator classes a script can have: public, concrete, with a public
 * constructor taking only bars, indicators, numbers and booleans.
 */
final class Ta4jScan {
    private static final Set<Class<?>> ALLOWED = Set.of(BarSeries.class, Indicator.class, Num.class, Number.class,
            int.class, double.class, boolean.class);

    private Ta4jScan() { }

    /** Every qualifying class, by name. */
    static List<Class<?>> qualifyingClasses() {
        List<Class<?>> found = new ArrayList<>();
        for (String name : classNames()) {
            Class<?> type;
            try {
                type = Class.forName(name, false, Ta4jScan.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // needs an optional library (gson) that is not on the class path: not an indicator of ours
            }
            if (qualifies(type)) found.add(type);
        }
        return found;
    }

    static boolean qualifies(Class<?> type) {
        if (!Indicator.class.isAssignableFrom(type) || type.isInterface() || !Modifier.isPublic(type.getModifiers())
                || Modifier.isAbstract(type.getModifiers()) || type.getEnclosingClass() != null) return false;
        try {
            return !constructors(type).isEmpty();
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The qualifying constructors, the richest first (then by signature, so the choice is stable). */
    static List<Constructor<?>> constructors(Class<?> type) {
        List<Constructor<?>> out = new ArrayList<>();
        for (Constructor<?> c : type.getConstructors()) {
            boolean ok = true;
            for (Class<?> p : c.getParameterTypes()) ok &= ALLOWED.contains(p);
            if (ok) out.add(c);
        }
        // On a tie, one taking an indicator first is preferred: it works over any input, not only the close.
        out.sort(Comparator.<Constructor<?>>comparingInt(Constructor::getParameterCount).reversed()
                .thenComparing(c -> c.getParameterCount() > 0 && c.getParameterTypes()[0] == BarSeries.class)
                .thenComparing(Constructor::toGenericString));
        return out;
    }

    static Optional<Constructor<?>> richest(Class<?> type) {
        List<Constructor<?>> all = constructors(type);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    private static List<String> classNames() {
        try (JarFile jar = new JarFile(jarPath().toFile())) {
            List<String> names = new ArrayList<>();
            for (var e : Collections.list(jar.entries())) {
                String n = e.getName();
                if (n.startsWith("org/ta4j/core/indicators/") && n.endsWith(".class") && !n.contains("$")) {
                    names.add(n.substring(0, n.length() - 6).replace('/', '.'));
                }
            }
            Collections.sort(names);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jarPath() {
        try {
            return Path.of(Indicator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
