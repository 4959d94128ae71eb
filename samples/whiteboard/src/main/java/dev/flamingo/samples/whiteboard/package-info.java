/** Whiteboard: several users draw freehand strokes in colours at once, see each other's cursors, undo, clear. */
package dev.flamingo.samples.whiteboard;
