/** The Croquet reflector wire protocol: JSON frames, chunk reassembly, validated decoders and encoders. */
package dev.flamingo.client.internal.wire;
