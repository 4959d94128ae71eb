/** The Java client: joins a session on a reflector, with end-to-end encryption and snapshots. */
package dev.flamingo.client;
