/**
 * The learners a script's models are fitted with, behind the engine's {@code Learner} port:
 * one decision tree, a random forest, gradient-boosted trees and logistic regression, all grown
 * by XGBoost4J on one thread with a fixed seed, so a fit is the same on every run and machine.
 */
package io.tradeshell.ml;
