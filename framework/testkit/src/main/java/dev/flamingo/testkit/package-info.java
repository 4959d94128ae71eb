/** Fixtures for app authors: an in-process reflector, a multi-replica checker and a fake clock. */
package dev.flamingo.testkit;
