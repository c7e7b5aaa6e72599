/**
 * The strategy sandbox: what a script may reach, decided when it compiles.
 *
 * <pre>
 *   StrategyCompiler --(CONVERSION)--> SandboxShape      no annotations but @Field, no static state, no classes
 *                    --(static compile)--> StrategySandbox   every call, property, cast and class is checked
 *                                                          against SandboxPolicy's allowed receivers
 * </pre>
 *
 * Scripts are compiled statically, so the calls that were checked are the calls that run:
 * nothing is left to dynamic dispatch, metaclasses or reflection.
 */
package io.tradeshell.dsl.sandbox;
