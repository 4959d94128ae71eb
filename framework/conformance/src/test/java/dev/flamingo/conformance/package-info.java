/** Conformance tests: unmodified Croquet JavaScript clients in Node.js against the Flamingo reflector. */
package dev.flamingo.conformance;
