/** Load generator for the reflector: raw protocol clients over WebSockets; run by hand, never as tests. */
package dev.flamingo.benchmarks.reflector;
