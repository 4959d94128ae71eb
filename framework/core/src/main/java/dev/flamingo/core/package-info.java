/** The deterministic model core: models, views, the virtual machine and snapshots; no JavaFX, no sockets. */
package dev.flamingo.core;
