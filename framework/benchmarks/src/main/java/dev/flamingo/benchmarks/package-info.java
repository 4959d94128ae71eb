/** JMH benchmarks and load generators; run by hand, never as tests. */
package dev.flamingo.benchmarks;
