/** The Data API's blobs: sealed, addressed by the hash of their ciphertext, stored on the files server. */
package dev.flamingo.client.internal.data;
