/** Animation: shapes bouncing in a box, stepped by future messages in the model and drawn smoothly by the view. */
package dev.flamingo.samples.animation;
