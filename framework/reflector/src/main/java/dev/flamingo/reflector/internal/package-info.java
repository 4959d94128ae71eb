/** Reflector internals: sessions, wire handling, journal and files; not API, may change at any time. */
package dev.flamingo.reflector.internal;
