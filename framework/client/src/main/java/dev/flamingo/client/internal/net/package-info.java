/** The WebSocket link to the reflector: Tyrus transport, reconnect backoff, keep-alive, close codes. */
package dev.flamingo.client.internal.net;
