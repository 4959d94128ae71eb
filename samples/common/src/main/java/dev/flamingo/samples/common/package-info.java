/** What the samples share: their launcher. */
package dev.flamingo.samples.common;
