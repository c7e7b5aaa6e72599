package io.tradeshell.dsl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose public methods a sandboxed strategy script may call: the words of the
 * language (the script's base classes, the scope of {@code onBar}, value records it returns).
 * Any other class of this module is out of a script's reach.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ScriptApi { }
