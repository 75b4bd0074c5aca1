import AliyunCore
import CMicroHTTPD
import Foundation
import Synchronization

// The libmicrohttpd side of `HTTPServer`: the state the C callbacks share, and the callbacks.

/// What the C callbacks need: the handler and the body limit, plus a count of open requests.
/// Immutable but for that atomic count, so shared freely between connection threads; found
/// through the callbacks' context pointer.
final class HTTPServerCore: Sendable {
    let handler: HTTPServer.Handler
    let maxBodyBytes: Int
    let requestsInProgress = Atomic<Int>(0)

    init(handler: @escaping HTTPServer.Handler, maxBodyBytes: Int) {
        self.handler = handler
        self.maxBodyBytes = maxBodyBytes
    }
}

/// One request being read; owned by libmicrohttpd's per-request context slot from the moment the
/// request line is read until the request completes, and used by that connection's thread only.
final class HTTPServerRequestState {
    let target: String
    var headers: [String: String] = [:]
    var body = Data()
    var headersRead = false
    var bodyTooLarge = false

    init(target: String) { self.target = target }

    func addHeader(name: String, value: String) {
        if let earlier = headers[name] {
            headers[name] = earlier + ", " + value
        } else {
            headers[name] = value
        }
    }
}

// MARK: - libmicrohttpd callbacks (plain functions; `self` comes through the context pointer)

/// Called with the raw request target before libmicrohttpd splits and decodes it: the start of a request.
func mhdURILog(
    _ context: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?, _ connection: OpaquePointer?
) -> UnsafeMutableRawPointer? {
    if let context {
        Unmanaged<HTTPServerCore>.fromOpaque(context).takeUnretainedValue().requestsInProgress.add(
            1, ordering: .relaxed)
    }
    let state = HTTPServerRequestState(target: uri.map { String(cString: $0) } ?? "")
    return Unmanaged.passRetained(state).toOpaque()
}

/// Called when a request is over (answered, dropped, or its connection closed): frees its state.
func mhdCompleted(
    _ context: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ reason: MHD_RequestTerminationCode
) {
    guard let slot, let pointer = slot.pointee else { return }
    Unmanaged<HTTPServerRequestState>.fromOpaque(pointer).release()
    slot.pointee = nil
    if let context {
        Unmanaged<HTTPServerCore>.fromOpaque(context).takeUnretainedValue().requestsInProgress.subtract(
            1, ordering: .relaxed)
    }
}

private func mhdCollectHeader(
    _ context: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?,
    _ value: UnsafePointer<CChar>?
) -> MHD_Result {
    guard let context, let key else { return .YES }
    Unmanaged<HTTPServerRequestState>.fromOpaque(context).takeUnretainedValue().addHeader(
        name: String(cString: key), value: value.map { String(cString: $0) } ?? "")
    return .YES
}

/// libmicrohttpd calls this once the headers are read, once per piece of body, and once the
/// request is complete; only then does the handler run.
func mhdAccess(
    _ context: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
    _ uploadSize: UnsafeMutablePointer<Int>?, _ slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let context, let connection, let slot, let uploadSize else { return .NO }
    let core = Unmanaged<HTTPServerCore>.fromOpaque(context).takeUnretainedValue()
    if slot.pointee == nil {
        // Not seen by the URI callback (should not happen): fall back on the decoded path.
        core.requestsInProgress.add(1, ordering: .relaxed)
        let state = HTTPServerRequestState(target: url.map { String(cString: $0) } ?? "/")
        slot.pointee = Unmanaged.passRetained(state).toOpaque()
    }
    let state = Unmanaged<HTTPServerRequestState>.fromOpaque(slot.pointee!).takeUnretainedValue()

    if !state.headersRead {
        state.headersRead = true
        _ = MHD_get_connection_values(connection, .HEADER_KIND, mhdCollectHeader, slot.pointee)
        let declared = state.headers.first { $0.key.lowercased() == "content-length" }.flatMap { Int($0.value) }
        if let declared, declared > core.maxBodyBytes {
            // Answered before the body is read; libmicrohttpd then closes the connection.
            return queue(tooLarge(core.maxBodyBytes), on: connection)
        }
        return .YES
    }

    if uploadSize.pointee > 0 {
        if !state.bodyTooLarge, state.body.count + uploadSize.pointee <= core.maxBodyBytes, let uploadData {
            state.body.append(contentsOf: UnsafeRawBufferPointer(start: uploadData, count: uploadSize.pointee))
        } else {
            state.bodyTooLarge = true
            state.body = Data()
        }
        uploadSize.pointee = 0
        return .YES
    }

    if state.bodyTooLarge { return queue(tooLarge(core.maxBodyBytes), on: connection) }

    let request = HTTPRequest(
        method: method.map { String(cString: $0) } ?? "", url: state.target, headers: state.headers, body: state.body)
    switch core.handler(request, clientAddress(connection)) {
    case .response(let response): return queue(response, on: connection)
    case .dropConnection: return .NO
    }
}

private func tooLarge(_ limit: Int) -> HTTPResponse {
    HTTPResponse(
        status: 413, headers: ["Content-Type": "text/plain; charset=utf-8"],
        body: Data("request body larger than \(limit) bytes\n".utf8))
}

private func clientAddress(_ connection: OpaquePointer) -> HTTPServer.ConnectionInfo? {
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
    var port: UInt16 = 0
    let address: String? = buffer.withUnsafeMutableBufferPointer { text in
        guard ecsh_mhd_client_address(connection, text.baseAddress, socklen_t(text.count), &port) == 0 else {
            return nil
        }
        return String(cString: text.baseAddress!)
    }
    return address.map { HTTPServer.ConnectionInfo(address: $0, port: port) }
}

/// Header names the server writes itself.
private let headersSetByServer: Set<String> = ["content-length", "transfer-encoding"]

private func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
    let answer = response.body.withUnsafeBytes { bytes in
        MHD_create_response_from_buffer(
            bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
    }
    guard let answer else { return .NO }
    defer { MHD_destroy_response(answer) }
    for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) where !headersSetByServer.contains(name) {
        _ = MHD_add_response_header(answer, canonicalHeaderName(name), value)
    }
    return MHD_queue_response(connection, UInt32(clamping: response.status), answer)
}

/// `x-acs-request-id` → `X-Acs-Request-Id`: response header names as servers usually spell them.
private func canonicalHeaderName(_ name: String) -> String {
    name.split(separator: "-", omittingEmptySubsequences: false)
        .map { $0.prefix(1).uppercased() + $0.dropFirst() }
        .joined(separator: "-")
}
