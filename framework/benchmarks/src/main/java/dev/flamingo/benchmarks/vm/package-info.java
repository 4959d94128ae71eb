/** JMH benchmarks of the deterministic VM: external message decoding and dispatch, whole-VM snapshots. */
package dev.flamingo.benchmarks.vm;
