/** Session, persistent and version ids derived exactly as Croquet does (SHA-256, base64url, stable JSON). */
package dev.flamingo.client.internal.ids;
