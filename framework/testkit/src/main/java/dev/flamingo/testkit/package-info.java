/**
 * Fixtures for app authors: a checker that runs several replicas of an app's models on one scripted stream
 * and requires identical snapshot hashes, and a real reflector on loopback with headless clients.
 */
package dev.flamingo.testkit;
