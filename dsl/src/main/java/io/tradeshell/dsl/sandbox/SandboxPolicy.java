package io.tradeshell.dsl.sandbox;

import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.transform.stc.ExtensionMethodNode;

/**
 * What a sandboxed strategy script may use: the language's own words (classes marked
 * {@code @ScriptApi}), the engine's value types (indicators, rules, bars, order snapshots), and the
 * language basics (numbers, math, strings, collections, dates, closures). Everything else
 * (files, network, processes, {@code System}, threads, class loaders, reflection, metaprogramming,
 * global state such as the default locale, and the wall clock) is refused by name.
 *
 * <p>An allow-list, not a deny-list: a class nobody thought of is refused.
 */
final class SandboxPolicy {
    private static final String SCRIPT_API = "io.tradeshell.dsl.ScriptApi";

    /** Packages whose every public class is a language basic. */
    private static final Set<String> BASIC_PACKAGES = Set.of(
            "java.util", "java.util.function", "java.util.stream", "java.util.regex",
            "java.math", "java.text", "java.time", "java.time.format", "java.time.temporal", "java.time.chrono");

    /** Classes of those packages that reach outside the script (resources, threads, global state). */
    private static final Set<String> BASIC_EXCEPTIONS = Set.of(
            "java.util.Timer", "java.util.TimerTask", "java.util.ServiceLoader", "java.util.Scanner", "java.util.ResourceBundle",
            "java.util.PropertyResourceBundle", "java.util.ListResourceBundle", "java.util.prefs.Preferences", "java.time.Clock",
            "java.time.InstantSource", "java.util.Date", "java.util.Calendar", "java.util.GregorianCalendar", "java.util.TimeZone",
            "java.util.SimpleTimeZone", "java.util.Properties", "java.util.EventListener");

    private static final Set<String> BASIC_CLASSES = Set.of(
            "java.lang.String", "java.lang.CharSequence", "java.lang.StringBuilder", "java.lang.StringBuffer",
            "java.lang.Math", "java.lang.StrictMath", "java.lang.Number", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.Character",
            "java.lang.Comparable", "java.lang.Iterable", "java.lang.Enum", "java.lang.AutoCloseable",
            "java.lang.IllegalArgumentException", "java.lang.IllegalStateException", "java.lang.ArithmeticException",
            "java.lang.RuntimeException", "java.lang.Exception", "java.lang.Throwable", "java.lang.InterruptedException",
            "java.lang.UnsupportedOperationException", "java.lang.IndexOutOfBoundsException", "java.lang.NumberFormatException",
            "groovy.lang.Closure", "groovy.lang.Range", "groovy.lang.IntRange", "groovy.lang.ObjectRange", "groovy.lang.NumberRange",
            "groovy.lang.EmptyRange", "groovy.lang.GString", "groovy.lang.Tuple", "groovy.lang.Tuple2", "groovy.lang.Tuple3",
            "groovy.lang.ListWithDefault", "groovy.lang.MapWithDefault", "org.codehaus.groovy.runtime.GStringImpl",
            "org.apache.groovy.lang.GroovyObjectHelper");

    /** The engine's value types a script holds: they only ever show bars that have closed. */
    private static final Set<String> ENGINE_PACKAGES = Set.of(
            "io.tradeshell.engine.indicators", "io.tradeshell.engine.rules", "io.tradeshell.engine.model");
    private static final Set<String> ENGINE_CLASSES = Set.of(
            "io.tradeshell.engine.order.OrderSnapshot", "io.tradeshell.engine.order.OrderStatus",
            "io.tradeshell.engine.order.OrderType", "io.tradeshell.engine.order.TimeInForce",
            "io.tradeshell.engine.trade.PositionSide", "io.tradeshell.engine.execution.ExecutionAlgo",
            "io.tradeshell.engine.execution.ExecutionAlgo$Twap", "io.tradeshell.engine.execution.ExecutionAlgo$Vwap",
            "io.tradeshell.engine.execution.ExecutionAlgo$Pov", "io.tradeshell.engine.order.ParentOrderSnapshot",
            "io.tradeshell.engine.order.ParentOrderRequest", "io.tradeshell.engine.order.ParentStatus");

    /** Classes whose static methods Groovy adds to the basics (each, collect, sum, format...). */
    private static final Set<String> EXTENSION_CLASSES = Set.of(
            "org.codehaus.groovy.runtime.DefaultGroovyMethods", "org.codehaus.groovy.runtime.StringGroovyMethods",
            "org.codehaus.groovy.runtime.ArrayGroovyMethods", "org.codehaus.groovy.runtime.NumberAwareComparator",
            "org.apache.groovy.datetime.extensions.DateTimeExtensions",
            "org.apache.groovy.datetime.extensions.DateTimeStaticExtensions");

    /** Reflection, metaprogramming, process and global-state words, refused on any receiver. */
    private static final Set<String> FORBIDDEN_NAMES = Set.of(
            "getClass", "getMetaClass", "setMetaClass", "metaClass", "invokeMethod", "getProperty", "setProperty",
            "getProperties", "setProperties", "hasProperty", "respondsTo", "getMetaPropertyValues", "dump", "use", "mixin",
            "sleep", "addShutdownHook", "execute", "wait", "notify", "notifyAll", "finalize", "evaluate", "run", "main",
            "getBinding", "setBinding", "forName", "newInstance", "getDeclaredField", "getDeclaredMethod", "now", "random",
            "currentTimeMillis", "nanoTime", "getInteger", "getLong", "getBoolean", "getenv", "setDefault",
            "getDelegate", "setDelegate", "getOwner", "getThisObject", "rehydrate", "dehydrate", "setResolveStrategy",
            "setDirective", "asWritable", "identity", "withTraits",
            "parallelStream", "setPriceScale");

    /** On a plain {@code Object} (or an unknown type) only these are allowed. */
    private static final Set<String> OBJECT_NAMES = Set.of(
            "equals", "hashCode", "toString", "println", "print", "printf", "sprintf", "is", "isCase", "asBoolean",
            "compareTo", "with", "tap", "asType", "plus", "minus");

    /** Engine methods that change what the engine holds. */
    private static final Set<String> ENGINE_MUTATORS = Set.of("append", "appendFrom", "priceScale", "emptyLike");

    private SandboxPolicy() { }

    /** Why calling {@code method} is refused, or empty when it is allowed. */
    static Optional<String> refuseCall(MethodNode method, ClassNode scriptClass) {
        String name = method.getName();
        if (method instanceof ExtensionMethodNode ext) {
            MethodNode impl = ext.getExtensionMethodNode();
            String owner = impl.getDeclaringClass().getName();
            boolean projectExtension = isScriptApi(impl.getDeclaringClass()) || owner.startsWith("io.tradeshell.dsl.");
            if (!EXTENSION_CLASSES.contains(owner) && !projectExtension) return Optional.of(notAllowed(ext.getDeclaringClass(), name));
            if (FORBIDDEN_NAMES.contains(name)) return Optional.of(forbidden(name));
            ClassNode receiver = impl.getParameters().length > 0 ? impl.getParameters()[0].getType() : ext.getDeclaringClass();
            if (isObject(receiver) && !OBJECT_NAMES.contains(name)) return Optional.of(forbidden(name));
            return refuseType(receiver).map(r -> r);
        }
        ClassNode owner = method.getDeclaringClass();
        if (name.equals("<init>")) return refuseType(owner);
        if (isThreadInterruptCheck(owner, name)) return Optional.empty();
        if (owner.equals(scriptClass) || isScriptClassOrClosure(owner)) {
            return FORBIDDEN_NAMES.contains(name) ? Optional.of(forbidden(name)) : Optional.empty();
        }
        if (isScriptApi(owner)) return Optional.empty();
        if (FORBIDDEN_NAMES.contains(name)) return Optional.of(forbidden(name));
        if (owner.getName().equals("groovy.lang.Script")) {
            return Set.of("println", "print", "printf").contains(name) ? Optional.empty() : Optional.of(forbidden(name));
        }
        if (owner.getName().equals("groovy.lang.Closure")) {
            return Set.of("call", "curry", "rcurry", "ncurry", "memoize", "getMaximumNumberOfParameters", "doCall").contains(name)
                    ? Optional.empty() : Optional.of(forbidden(name));
        }
        if (isObject(owner)) return OBJECT_NAMES.contains(name) ? Optional.empty() : Optional.of(forbidden(name));
        if (isEngine(owner)) {
            if (ENGINE_MUTATORS.contains(name)) return Optional.of("'" + name + "' changes the engine's data and is not allowed in a strategy script");
            if (method.isStatic()) return Optional.of(notAllowed(owner, name));
        }
        return refuseType(owner);
    }

    /** Why using values of {@code type} (a receiver, a cast, a {@code new}, a class literal) is refused. */
    static Optional<String> refuseType(ClassNode type) {
        ClassNode t = type;
        while (t.isArray()) t = t.getComponentType();
        if (ClassHelper.isPrimitiveType(t) || ClassHelper.isPrimitiveType(ClassHelper.getUnwrapper(t)) || t.isGenericsPlaceHolder()) return Optional.empty();
        if (isObject(t)) return Optional.empty();
        String name = t.getName();
        if (BASIC_CLASSES.contains(name) || ENGINE_CLASSES.contains(name)) return Optional.empty();
        if (BASIC_EXCEPTIONS.contains(name)) return Optional.of(notAllowed(t, null));
        String pkg = packageOf(t);
        if (BASIC_PACKAGES.contains(pkg) || ENGINE_PACKAGES.contains(pkg) || isScriptApi(t)) return Optional.empty();
        if (pkg.startsWith("io.tradeshell.engine.indicators.")) return Optional.empty(); // indicators grouped by concept
        if (t.getOuterClass() != null && refuseType(t.getOuterClass()).isEmpty() && !t.getName().startsWith("io.tradeshell.")) return Optional.empty();
        if (isScriptClassOrClosure(t)) return Optional.empty();
        return Optional.of(notAllowed(t, null));
    }

    /** Property names that open the door to reflection or to the script's runtime. */
    static boolean forbiddenProperty(String name) {
        return Set.of("class", "metaClass", "properties", "binding", "delegate", "owner", "thisObject", "declaredFields",
                "declaredMethods", "classLoader", "out").contains(name);
    }

    static String forbidden(String name) {
        return "'" + name + "' is not allowed in a strategy script (no reflection, metaprogramming, processes or global state)";
    }

    static String notAllowed(ClassNode type, String method) {
        ClassNode t = type;
        while (t.isArray()) t = t.getComponentType();
        return t.getName() + (method == null ? "" : "." + method) + " is not allowed in a strategy script";
    }

    private static boolean isThreadInterruptCheck(ClassNode owner, String name) {
        // the loop checks that let a budget or Ctrl-C stop a script read the interrupt flag and nothing else
        return owner.getName().equals("java.lang.Thread") && (name.equals("currentThread") || name.equals("isInterrupted"));
    }

    private static boolean isObject(ClassNode t) {
        return t.getName().equals("java.lang.Object");
    }

    private static boolean isEngine(ClassNode t) {
        return t.getName().startsWith("io.tradeshell.engine.");
    }

    private static boolean isScriptClassOrClosure(ClassNode t) {
        // the script's own class and the closures Groovy generates for it live in no package
        return packageOf(t).isEmpty() && !t.getName().contains(".");
    }

    static boolean isScriptApi(ClassNode t) {
        for (ClassNode c = t; c != null && !c.getName().equals("java.lang.Object"); c = c.getSuperClass()) {
            for (AnnotationNode a : c.getAnnotations()) {
                if (a.getClassNode().getName().equals(SCRIPT_API)) return true;
            }
            if (c.getName().equals("groovy.lang.Script")) return false;
        }
        return false;
    }

    private static String packageOf(ClassNode t) {
        String n = t.getName();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(0, dot);
    }
}
