/** Load generators for the client: publish-to-every-replica latency and late join; run by hand. */
package dev.flamingo.benchmarks.client;
