import CCurl

extension CurlTransport {
    /// Maps a failed transfer's libcurl code to a `TransportError.Kind`.
    ///
    /// `requestStarted` says whether libcurl reached the point of sending the request on a
    /// connection (its pre-request callback ran). Until then nothing can have reached the server,
    /// so every failure is `.connectFailed`, safe to retry; from then on the server may have
    /// received the request, so no failure may claim otherwise.
    static func errorKind(for code: CURLcode, requestStarted: Bool) -> TransportError.Kind {
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_NOT_BUILT_IN, CURLE_BAD_FUNCTION_ARGUMENT,
            CURLE_UNKNOWN_OPTION:
            return requestStarted ? .connectionLost : .invalidRequest
        case CURLE_OPERATION_TIMEDOUT:
            return requestStarted ? .timedOut : .connectFailed
        default:
            // Resolution, connection and TLS handshake failures come before the request is
            // started; receive, send, empty-reply and short-body failures after it.
            return requestStarted ? .connectionLost : .connectFailed
        }
    }
}
