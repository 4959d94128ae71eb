/** Access to the files server where snapshots and persisted data live (always as ciphertext). */
package dev.flamingo.client.internal.files;
