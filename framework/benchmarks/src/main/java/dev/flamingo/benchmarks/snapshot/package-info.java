/** JMH benchmarks of the snapshot codec: encode, hash, compress and decode of large model states. */
package dev.flamingo.benchmarks.snapshot;
