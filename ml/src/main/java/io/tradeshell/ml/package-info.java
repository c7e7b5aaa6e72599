/**
 * The learners a script's models are fitted with, behind the engine's {@code Learner} port:
 * one decision tree, a random forest and logistic regression fitted by Tribuo (pure Java) and
 * copied into plain arrays; gradient-boosted trees grown by XGBoost4J (native); models trained
 * elsewhere run by ONNX Runtime (native). Every fit is on one thread with a fixed seed, so it is
 * the same on every run and machine.
 */
package io.tradeshell.ml;
