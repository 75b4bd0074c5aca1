import AliyunCore
import Foundation
import TestSupport
import Testing

/// What `RPCClient` over `CurlTransport` really puts on the wire, received by a server on 127.0.0.1, and
/// that its signature verifies when recomputed from the received bytes alone.
struct WireSignatureTests {
    let credential = Credential(accessKeyId: "wireid", accessKeySecret: "wire secret/+=", securityToken: "sts token")
    let parameters = ["DiskId": "d-bp1 *~", "Password": "EcsV587!", "AutoStartInstance": "true", "Name": "杭州"]

    func send(_ version: SignatureVersion) async throws -> (received: RecordingServer.Received, port: UInt16) {
        let server = try RecordingServer()
        defer { server.stop() }
        let transport = CurlTransport()
        defer { transport.shutdown() }
        let client = RPCClient(
            endpoint: try Endpoint(parsing: server.baseURL), version: "2014-05-26",
            credentials: StaticCredentialProvider(credential), transport: transport, signatureVersion: version)
        _ = try await client.call("ReInitDisk", parameters: parameters)
        return (try #require(server.received.first), server.port)
    }

    func receivedQuery(_ request: HTTPRequest) throws -> [String: String] {
        let query = String(request.url.split(separator: "?", maxSplits: 1).last ?? "")
        return Dictionary(try formDecode(query).map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    @Test func v1SignatureVerifiesFromTheReceivedQuery() async throws {
        let (received, _) = try await send(.v1)
        #expect(received.request.method == "POST")
        #expect(received.request.body.isEmpty)
        #expect(received.header("content-length") == "0")
        let query = try receivedQuery(received.request)
        for (name, value) in parameters { #expect(query[name] == value) }
        #expect(query["Action"] == "ReInitDisk")
        #expect(query["Version"] == "2014-05-26")
        #expect(query["Format"] == "JSON")
        #expect(query["AccessKeyId"] == "wireid")
        #expect(query["SecurityToken"] == "sts token")
        #expect(query["SignatureMethod"] == "HMAC-SHA1")
        #expect(query["SignatureVersion"] == "1.0")
        let signature = try #require(query["Signature"])
        let expected = SignerV1.signature(
            stringToSign: SignerV1.stringToSign(method: received.request.method, parameters: query),
            secret: credential.accessKeySecret)
        #expect(signature == expected)
        #expect(!received.request.url.contains("+"), "a space travels as %20, never +")
    }

    @Test func v3SignatureVerifiesFromTheReceivedHeaders() async throws {
        let (received, port) = try await send(.v3)
        #expect(received.request.method == "POST")
        let query = try receivedQuery(received.request)
        #expect(query == parameters)
        #expect(received.header("x-acs-action") == "ReInitDisk")
        #expect(received.header("x-acs-version") == "2014-05-26")
        #expect(received.header("x-acs-security-token") == "sts token")
        #expect(received.header("host") == "127.0.0.1:\(port)")
        let authorization = try #require(received.header("authorization"))
        let fields = authorization.dropFirst("ACS3-HMAC-SHA256 ".count).split(separator: ",")
            .reduce(into: [String: String]()) { result, field in
                let parts = field.split(separator: "=", maxSplits: 1)
                result[String(parts[0])] = String(parts[1])
            }
        #expect(fields["Credential"] == "wireid")
        let signedHeaders = try #require(fields["SignedHeaders"]).split(separator: ";").map(String.init)
        #expect(signedHeaders.contains("host"))
        #expect(signedHeaders.contains("x-acs-date"))
        #expect(signedHeaders.contains("x-acs-signature-nonce"))
        var headers: [String: String] = [:]
        for name in signedHeaders { headers[name] = received.header(name) }
        let canonical = SignerV3.canonicalRequest(
            method: received.request.method, canonicalQuery: canonicalQueryString(query), headers: headers,
            signedHeaders: signedHeaders, hashedPayload: Digest.hex(Digest.sha256(received.request.body)))
        let expected = SignerV3.signature(
            stringToSign: SignerV3.stringToSign(canonicalRequest: canonical), secret: credential.accessKeySecret)
        #expect(fields["Signature"] == expected)
    }

    @Test func eachCallIsSignedWithAFreshNonce() async throws {
        let server = try RecordingServer()
        defer { server.stop() }
        let transport = CurlTransport()
        defer { transport.shutdown() }
        let client = RPCClient(
            endpoint: try Endpoint(parsing: server.baseURL), version: "2014-05-26",
            credentials: StaticCredentialProvider(credential), transport: transport)
        for _ in 0..<3 { _ = try await client.call("DescribeRegions") }
        let nonces = Set(server.received.compactMap { $0.header("x-acs-signature-nonce") })
        #expect(nonces.count == 3)
        #expect(transport.connectionsOpened == 1, "the connection is kept alive between calls")
    }
}
