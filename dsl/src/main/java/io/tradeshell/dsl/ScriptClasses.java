package io.tradeshell.dsl;

import java.util.Map;

/**
 * The classes a script compiles to, as bytes: its main class (the one named after the file) and
 * the closures and other classes it needs. What the compiler produces and what the script class
 * cache keeps, so a script loaded from the cache is the very class a fresh compile defines.
 */
record ScriptClasses(String mainName, Map<String, byte[]> bytes) {
    ScriptClasses {
        if (!bytes.containsKey(mainName)) throw new IllegalArgumentException("the script's classes lack its main class " + mainName);
        bytes = Map.copyOf(bytes);
    }

    /** Defines the classes in a loader of their own (one per compile, as Groovy does) and returns the main one. */
    Class<?> define(ClassLoader parent) {
        try {
            return Class.forName(mainName, false, new Loader(parent, bytes));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a compiled script lost its class " + mainName, e);
        }
    }

    /** Finds a script's classes in their bytes; everything else comes from the parent. */
    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> bytes;

        Loader(ClassLoader parent, Map<String, byte[]> bytes) {
            super(parent);
            this.bytes = bytes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = bytes.get(name);
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }
    }
}
