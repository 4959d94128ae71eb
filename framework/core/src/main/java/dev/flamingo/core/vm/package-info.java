/**
 * The deterministic virtual machine behind {@link dev.flamingo.core.Model} and
 * {@link dev.flamingo.core.View}: message ordering, pub/sub, futures, view-join/exit and snapshots.
 * Public for the client module, not for app authors. The package and {@code dev.flamingo.core} form one
 * unit (models delegate to {@link dev.flamingo.core.vm.ModelRuntime}); the split keeps the app-facing
 * API free of engine types.
 */
package dev.flamingo.core.vm;
