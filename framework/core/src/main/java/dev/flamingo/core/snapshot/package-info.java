/**
 * Binary object-graph serializer for snapshots and view-to-model event payloads: {@link
 * dev.flamingo.core.snapshot.TypeRegistry} names the types, {@link dev.flamingo.core.snapshot.SnapshotCodec}
 * encodes and decodes.
 */
package dev.flamingo.core.snapshot;
