/** The JavaFX layer: a pulse-driven session host, views that own Nodes, and bindings of controls to model events. */
package dev.flamingo.fx;
