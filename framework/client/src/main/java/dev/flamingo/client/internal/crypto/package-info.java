/** End-to-end encryption: Argon2id session key, AES-256-GCM envelopes bound to their purpose and session. */
package dev.flamingo.client.internal.crypto;
