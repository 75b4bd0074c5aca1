import AliyunCore
import Foundation
import TestSupport

/// Delivers every request, but loses the answer to ReInitDisk for the named disks: the disk is reset
/// and the client cannot know it, as when a connection drops after the request went out.
struct AnswerLosingTransport: HTTPTransport {
    let next: any HTTPTransport
    let diskIds: Set<String>

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await next.send(request)
        var query = request.decodedQuery
        let body = String(decoding: request.body, as: UTF8.self)
        for pair in (try? formDecode(body)) ?? [] { query[pair.name] = pair.value }
        let action = request.header(named: "x-acs-action") ?? query["Action"]
        if action == "ReInitDisk", let diskId = query["DiskId"], diskIds.contains(diskId) {
            throw TransportError(kind: .connectionLost, host: "localhost", detail: "connection reset by peer")
        }
        return response
    }
}
