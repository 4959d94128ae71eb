/** The reflector: a durable, hardened server for the Croquet reflector wire protocol. */
package dev.flamingo.reflector;
