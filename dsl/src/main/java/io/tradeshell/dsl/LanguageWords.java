package io.tradeshell.dsl;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/** The property names the language itself defines (bar, index, position, close...), which a parameter never shadows. */
final class LanguageWords {
    private LanguageWords() { }

    static Set<String> properties() {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : new Class<?>[] {StrategyScript.class, BarScope.class}) {
            for (Method m : c.getMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.getParameterCount() != 0) continue;
                String n = m.getName();
                if (n.startsWith("get") && n.length() > 3) out.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
                else if (n.startsWith("is") && n.length() > 2) out.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
            }
        }
        return Set.copyOf(out);
    }
}
