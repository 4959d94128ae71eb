package dev.flamingo.core;

import java.util.Objects;

/**
 * The payload of {@code view-join}/{@code view-exit} when the joining client supplied view data;
 * without view data the payload is the plain viewId string. Thread rule: immutable, any thread.
 *
 * @param viewId the client's view id
 * @param viewData the data the client passed when joining
 */
public record ViewInfo(String viewId, Object viewData) {

  /** Validates the view id. */
  public ViewInfo {
    Objects.requireNonNull(viewId, "viewId");
  }
}
