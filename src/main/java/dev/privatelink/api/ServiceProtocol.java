package dev.privatelink.api;

import dev.privatelink.control.AwsException;

/** One AWS wire protocol for one service: reads a request, calls the cloud, writes the answer. */
sealed interface ServiceProtocol permits QueryProtocol, JsonProtocol {
  /** Serves a request whose caller is known; AWS errors become error documents, never exceptions. */
  ApiResponse handle(Caller caller, ApiRequest request, String requestId);

  /** The error document of this protocol for an error raised before the action ran. */
  ApiResponse error(AwsException error, String requestId);
}
