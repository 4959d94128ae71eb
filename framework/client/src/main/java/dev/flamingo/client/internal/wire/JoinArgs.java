package dev.flamingo.client.internal.wire;

/**
 * The fields of a JOIN (Croquet's {@code sendJoin}). Immutable; any thread.
 *
 * @param name {@code appId/name}, for the reflector's logs
 * @param apiKey the API key, or "" when none (the reflector requires the field to be present)
 * @param appId the application id
 * @param persistentId the persistent id
 * @param sdk the client version
 * @param viewId this client's view id
 * @param sealedViewData the encrypted viewData, or null
 * @param tickMs reflector tick period in ms
 * @param delayMs message hold-back after a tick for local ticks
 * @param dormantDelaySeconds autoSleep in seconds
 * @param tove the encrypted sessionId (password check)
 * @param codeHash the versionId
 * @param leaveDelayMs how long the reflector waits before announcing a disconnect (rejoinLimit + 250)
 */
public record JoinArgs(String name, String apiKey, String appId, String persistentId, String sdk, String viewId,
        String sealedViewData, double tickMs, int delayMs, double dormantDelaySeconds, String tove,
        String codeHash, int leaveDelayMs) {
}
