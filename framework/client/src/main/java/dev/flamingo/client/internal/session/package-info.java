/** The session controller: join and sync, simulation stepping, rejoin, sending, snapshots and votes. */
package dev.flamingo.client.internal.session;
