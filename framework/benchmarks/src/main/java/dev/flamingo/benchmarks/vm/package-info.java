/** JMH benchmarks of the deterministic VM: external message decoding and dispatch. */
package dev.flamingo.benchmarks.vm;
