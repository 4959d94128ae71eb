/** The Multiuser Chat demo: Croquet's chat tutorial ported to Flamingo, with a JavaFX view and a runnable jar. */
package dev.flamingo.chat;
