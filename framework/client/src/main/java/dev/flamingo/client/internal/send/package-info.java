/** Outgoing event bundling and rate limiting, as Croquet's controller does it. */
package dev.flamingo.client.internal.send;
