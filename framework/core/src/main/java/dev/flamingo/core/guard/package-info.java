/**
 * Code identity and the determinism guard: scans registered classes' bytecode for replica-divergence
 * hazards and hashes that bytecode into the session's {@code versionId}.
 */
package dev.flamingo.core.guard;
