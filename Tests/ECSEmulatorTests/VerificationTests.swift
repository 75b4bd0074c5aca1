import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

/// Requests the gateway refuses, each with the status, code and message ECS answers.
struct VerificationErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var request: @Sendable () -> HTTPRequest
        var status: Int
        var code: String
        var message: String
        /// The body's format: JSON unless the request says otherwise or cannot say.
        var format: ResponseFormat = .json
        var testDescription: String { name }
    }

    static func v1Missing(_ name: String) -> Case {
        Case(
            name: "v1 without \(name)", request: { GatewayFixture.v1 { $0.removeValue(forKey: name) } }, status: 400,
            code: "Missing\(name)", message: "\(name) is mandatory for this action.")
    }

    static func v3Missing(_ header: String, as name: String) -> Case {
        Case(
            name: "v3 without \(header)", request: { GatewayFixture.v3 { $0.removeValue(forKey: header) } },
            status: 400,
            code: "Missing\(name)", message: "\(header) is mandatory for this action.")
    }

    static let incomplete = "The request signature does not conform to Aliyun standards."

    static let cases: [Case] = [
        v1Missing("Action"), v1Missing("Version"), v1Missing("AccessKeyId"), v1Missing("Signature"),
        v1Missing("SignatureMethod"), v1Missing("SignatureVersion"), v1Missing("SignatureNonce"),
        v1Missing("Timestamp"),
        Case(
            name: "v1 with an empty Signature", request: { GatewayFixture.v1 { $0["Signature"] = "" } }, status: 400,
            code: "MissingSignature", message: "Signature is mandatory for this action."),
        v3Missing("x-acs-action", as: "Action"), v3Missing("x-acs-version", as: "Version"),
        v3Missing("x-acs-date", as: "Timestamp"), v3Missing("x-acs-signature-nonce", as: "SignatureNonce"),
        Case(
            name: "v3 without x-acs-content-sha256",
            request: { GatewayFixture.v3 { $0.removeValue(forKey: "x-acs-content-sha256") } }, status: 400,
            code: "IncompleteSignature", message: incomplete),
        Case(
            name: "SignatureMethod HMAC-SHA256",
            request: { GatewayFixture.v1 { $0["SignatureMethod"] = "HMAC-SHA256" } },
            status: 400, code: "InvalidSignatureMethod", message: "Specified signature method is not supported."),
        Case(
            name: "SignatureVersion 2.0", request: { GatewayFixture.v1 { $0["SignatureVersion"] = "2.0" } },
            status: 400,
            code: "InvalidSignatureMethod", message: "Specified signature method is not supported."),
        Case(
            name: "Format YAML (answered in v1's default, XML)", request: { GatewayFixture.v1(format: "YAML") },
            status: 400,
            code: "InvalidParameter.Format", message: "Specified parameter Format is not valid.", format: .xml),
        Case(
            name: "v1 Version 2016-03-14", request: { GatewayFixture.v1 { $0["Version"] = "2016-03-14" } }, status: 400,
            code: "InvalidVersion", message: "Specified parameter Version is not valid."),
        Case(
            name: "v3 version 2016-03-14", request: { GatewayFixture.v3 { $0["x-acs-version"] = "2016-03-14" } },
            status: 400, code: "InvalidVersion", message: "Specified parameter Version is not valid."),
        Case(
            name: "v1 unknown action", request: { GatewayFixture.v1(action: "CreateUniverse") }, status: 404,
            code: "InvalidAction.NotFound", message: "Specified api is not found, please check your url and method."),
        Case(
            name: "v3 unknown action", request: { GatewayFixture.v3(action: "CreateUniverse") }, status: 404,
            code: "InvalidAction.NotFound", message: "Specified api is not found, please check your url and method."),
        Case(
            name: "path other than /",
            request: {
                var request = GatewayFixture.v1()
                request.url = request.url.replacingOccurrences(of: "8080/?", with: "8080/ecs/?")
                return request
            }, status: 404, code: "InvalidAction.NotFound",
            message: "Specified api is not found, please check your url and method."),
        Case(
            name: "PUT", request: { GatewayFixture.v1(method: "PUT") }, status: 400, code: "UnsupportedHTTPMethod",
            message: "Specified http method is not supported."),
        Case(
            name: "v1 unknown AccessKeyId",
            request: {
                GatewayFixture.v1(credential: Credential(accessKeyId: "nobody", accessKeySecret: "testsecret"))
            },
            status: 404, code: "InvalidAccessKeyId.NotFound", message: "Specified access key is not found."),
        Case(
            name: "v3 unknown AccessKeyId",
            request: {
                GatewayFixture.v3(credential: Credential(accessKeyId: "nobody", accessKeySecret: "testsecret"))
            },
            status: 404, code: "InvalidAccessKeyId.NotFound", message: "Specified access key is not found."),
        Case(
            name: "v1 Timestamp not ISO 8601",
            request: { GatewayFixture.v1 { $0["Timestamp"] = "2024/01/01 00:00:00" } },
            status: 400, code: "InvalidTimeStamp.Format",
            message: "Specified time stamp or date value is not well formatted."),
        Case(
            name: "v3 x-acs-date not ISO 8601", request: { GatewayFixture.v3 { $0["x-acs-date"] = "yesterday" } },
            status: 400, code: "InvalidTimeStamp.Format",
            message: "Specified time stamp or date value is not well formatted."),
        Case(
            name: "v1 Timestamp an hour old", request: { GatewayFixture.v1(timestamp: GatewayFixture.now - 3600) },
            status: 400,
            code: "InvalidTimeStamp.Expired", message: "Specified time stamp or date value is expired."),
        Case(
            name: "v3 x-acs-date an hour ahead", request: { GatewayFixture.v3(date: GatewayFixture.now + 3600) },
            status: 400,
            code: "InvalidTimeStamp.Expired", message: "Specified time stamp or date value is expired."),
        Case(
            name: "v3 Authorization without Signature",
            request: {
                GatewayFixture.v3 {
                    $0["authorization"] = $0["authorization"]!.replacingOccurrences(of: ",Signature=", with: ",Sig=")
                }
            }, status: 400, code: "IncompleteSignature", message: incomplete),
        Case(
            name: "v3 Authorization with an empty signed header name",
            request: {
                GatewayFixture.v3 {
                    $0["authorization"] = $0["authorization"]!.replacingOccurrences(of: "host;", with: "host;;")
                }
            }, status: 400, code: "IncompleteSignature", message: incomplete),
        Case(
            name: "v3 x-acs-date left unsigned",
            request: {
                GatewayFixture.v3 {
                    $0["authorization"] = $0["authorization"]!.replacingOccurrences(of: "x-acs-date;", with: "")
                }
            }, status: 400, code: "IncompleteSignature", message: incomplete),
        Case(
            name: "v3 body not matching x-acs-content-sha256",
            request: {
                var request = GatewayFixture.v3(body: Data("a=b".utf8))
                request.body = Data("a=c".utf8)
                return request
            }, status: 400, code: "ContentSHA256NotMatched",
            message: "Specified content sha256 is not matched with your request body."),
        Case(
            name: "STS key without its token",
            request: {
                GatewayFixture.v1(credential: Credential(accessKeyId: "STS.id", accessKeySecret: "sts-secret"))
            }, status: 400, code: "MissingSecurityToken", message: "SecurityToken is mandatory for this action."),
        Case(
            name: "STS key with another account's token",
            request: {
                GatewayFixture.v1(
                    credential: Credential(
                        accessKeyId: "STS.id", accessKeySecret: "sts-secret", securityToken: "other-token"))
            }, status: 400, code: "InvalidSecurityToken.MismatchWithAccessKey",
            message: "Specified SecurityToken mismatch with the AccessKey."),
        Case(
            name: "STS key with a token of no account (v3)",
            request: {
                GatewayFixture.v3(
                    credential: Credential(
                        accessKeyId: "STS.id", accessKeySecret: "sts-secret", securityToken: "forged"))
            }, status: 400, code: "InvalidSecurityToken.Malformed", message: "Specified SecurityToken is malformed."),
        Case(
            name: "long-term key with a token",
            request: {
                GatewayFixture.v1(
                    credential: Credential(accessKeyId: "testid", accessKeySecret: "testsecret", securityToken: "x"))
            }, status: 400, code: "InvalidSecurityToken.Malformed", message: "Specified SecurityToken is malformed."),
    ]

    @Test(arguments: cases)
    func refused(_ test: Case) throws {
        let response = GatewayFixture.emulator().handle(test.request())
        #expect(response.status == test.status)
        #expect(response.header("Content-Type") == test.format.contentType)
        let fields = try GatewayFixture.errorFields(response)
        #expect(fields["Code"] == test.code)
        #expect(fields["Message"] == test.message)
        #expect(fields["RequestId"] == "REQ-1")
        #expect(fields["HostId"] == GatewayFixture.host)
    }

    static let serverSaysPrefix = "Specified signature is not matched with our calculation. server string to sign is:"

    /// The message ends with the string the client signed: the old SDK compares the two to report a wrong secret.
    @Test(arguments: ["GET", "POST"])
    func v1WrongSecretEchoesTheStringToSign(method: String) throws {
        let wrong = Credential(accessKeyId: "testid", accessKeySecret: "not-the-secret")
        let request = GatewayFixture.v1(
            method: method, parameters: ["DiskId": "d-1", "Password": "a b+c"], credential: wrong)
        let signed = SignerV1(credential: wrong).sign(
            method: method, action: "ReInitDisk", version: "2014-05-26",
            parameters: ["DiskId": "d-1", "Password": "a b+c"], format: "JSON", timestamp: GatewayFixture.now,
            nonce: "nonce-1")
        let response = GatewayFixture.emulator().handle(request)
        #expect(response.status == 400)
        let body = try GatewayFixture.json(response)
        #expect(body["Code"] == .string("SignatureDoesNotMatch"))
        #expect(
            body["Message"]
                == .string(Self.serverSaysPrefix + SignerV1.stringToSign(method: method, parameters: signed)))
        let message = try #require(body["Message"]?.stringValue)
        #expect(message.split(separator: ":").count == 2)  // as the old SDK splits it
    }

    @Test func v1SignatureMadeForAnotherMethodFails() throws {
        var request = GatewayFixture.v1(method: "GET")
        request.method = "POST"
        let body = try GatewayFixture.json(GatewayFixture.emulator().handle(request))
        #expect(body["Code"] == .string("SignatureDoesNotMatch"))
        #expect(
            body["Message"]?.stringValue?.contains("server string to sign is:POST&%2F&AccessKeyId%3Dtestid") == true)
    }

    @Test func v1TamperedParameterFails() throws {
        let request = GatewayFixture.v1 { $0["DiskId"] = "d-2" }
        let body = try GatewayFixture.json(GatewayFixture.emulator().handle(request))
        #expect(body["Code"] == .string("SignatureDoesNotMatch"))
    }

    @Test func v3WrongSecretEchoesTheStringToSign() throws {
        let wrong = Credential(accessKeyId: "testid", accessKeySecret: "not-the-secret")
        let request = GatewayFixture.v3(query: ["DiskId": "d-1"], credential: wrong)
        let headers = Dictionary(uniqueKeysWithValues: request.headers.map { ($0.key.lowercased(), $0.value) })
        let signedHeaders = [
            "host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version",
        ]
        let clientStringToSign = SignerV3.stringToSign(
            canonicalRequest: SignerV3.canonicalRequest(
                method: "POST", canonicalQuery: "DiskId=d-1", headers: headers, signedHeaders: signedHeaders,
                hashedPayload: headers["x-acs-content-sha256"]!))
        let body = try GatewayFixture.json(GatewayFixture.emulator().handle(request))
        #expect(body["Code"] == .string("SignatureDoesNotMatch"))
        #expect(body["Message"] == .string(Self.serverSaysPrefix + clientStringToSign))
    }

    @Test func v3TamperedQueryFails() throws {
        var request = GatewayFixture.v3(query: ["DiskId": "d-1"])
        request.url = "http://\(GatewayFixture.host)/?DiskId=d-2"
        let body = try GatewayFixture.json(GatewayFixture.emulator().handle(request))
        #expect(body["Code"] == .string("SignatureDoesNotMatch"))
    }
}

/// Requests the official SDKs send, which must pass.
struct VerificationAcceptanceTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var clock: String
        var query: [String: String]
        var testDescription: String { name }
    }

    /// PROTOCOL.md §1's vectors, with the signatures the official SDKs computed.
    static let vectors: [Vector] = [
        Vector(
            name: "DescribeRegions GET", method: "GET", clock: "2016-02-23T12:50:00Z",
            query: describeRegions(signature: "OLeaidS1JvxuMvnyHOwuJ+uX5qY=")),
        Vector(
            name: "DescribeRegions POST", method: "POST", clock: "2016-02-23T12:40:00Z",
            query: describeRegions(signature: "MxbnVAM4w6sft9xjVpe/GCKueuk=")),
        Vector(
            name: "old SDK ReInitDisk", method: "POST", clock: "2024-01-01T00:05:00Z",
            query: reInitDisk(
                format: "JSON", signature: "Ji7vdwQJhYly+HbUtQXzZrjqLD8=",
                extra: ["RegionId": "cn-hangzhou", "SignatureType": ""])),
        Vector(
            name: "Tea SDK v1 ReInitDisk", method: "POST", clock: "2024-01-01T00:00:00Z",
            query: reInitDisk(format: "json", signature: "+pI2HH32mssmjeKntLmEuFmZrqo=", extra: [:])),
    ]

    static func describeRegions(signature: String) -> [String: String] {
        [
            "AccessKeyId": "testid", "Action": "DescribeRegions", "Format": "XML", "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "SignatureVersion": "1.0",
            "Timestamp": "2016-02-23T12:46:24Z", "Version": "2014-05-26", "Signature": signature,
        ]
    }

    static func reInitDisk(format: String, signature: String, extra: [String: String]) -> [String: String] {
        [
            "AccessKeyId": "testid", "Action": "ReInitDisk", "Format": format, "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": "0123456789abcdef0123456789abcdef", "SignatureVersion": "1.0",
            "Timestamp": "2024-01-01T00:00:00Z", "Version": "2014-05-26", "DiskId": "d-bp67acfmxazb4ph****",
            "AutoStartInstance": "True", "Password": "EcsV587!", "Signature": signature,
        ].merging(extra) { _, new in new }
    }

    @Test(arguments: vectors)
    func knownAnswerVectorsPass(_ vector: Vector) throws {
        let emulator = GatewayFixture.emulator(clock: FixedClock(iso8601: vector.clock))
        let response = emulator.handle(
            HTTPRequest(
                method: vector.method,
                url: "https://ecs-cn-hangzhou.aliyuncs.com/?" + GatewayFixture.encode(vector.query)))
        #expect(response.status == 200)
        if vector.query["Format"] == "XML" {
            #expect(response.header("Content-Type") == "text/xml;charset=utf-8")
        } else {
            #expect(response.header("Content-Type") == "application/json;charset=utf-8")
            let parameters = try GatewayFixture.json(response)["Parameters"]
            #expect(parameters?["AutoStartInstance"] == .string("True"))
            #expect(parameters?["Password"] == .string("EcsV587!"))
            #expect(parameters?["SignatureType"] == nil)
        }
    }

    /// PROTOCOL.md §2's vector: the signature the documentation gives, checked as received.
    @Test func v3DocumentVectorPasses() throws {
        let emulator = GatewayFixture.emulator(
            clock: FixedClock(iso8601: "2023-10-26T10:30:00Z"),
            accounts: [
                Account(accessKeyId: "YourAccessKeyId", accessKeySecret: "YourAccessKeySecret")
            ])
        let request = HTTPRequest(
            method: "POST",
            url: "https://ecs.cn-shanghai.aliyuncs.com/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"
                + "&RegionId=cn-shanghai",
            headers: [
                "Host": "ecs.cn-shanghai.aliyuncs.com", "x-acs-action": "RunInstances", "x-acs-version": "2014-05-26",
                "x-acs-date": "2023-10-26T10:22:32Z", "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
                "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "Authorization": "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;"
                    + "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                    + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
            ])
        let response = emulator.handle(request)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json;charset=utf-8")
        let body = try GatewayFixture.json(response)
        #expect(body["Action"] == .string("RunInstances"))
        #expect(body["AccessKeyId"] == .string("YourAccessKeyId"))
        #expect(body["Parameters"]?["RegionId"] == .string("cn-shanghai"))
    }

    @Test(arguments: ["GET", "POST"])
    func v1SignedBySignerV1Passes(method: String) throws {
        let response = GatewayFixture.emulator().handle(
            GatewayFixture.v1(method: method, parameters: ["DiskId": "d-1", "Password": "Ab1!*~ é杭"]))
        #expect(response.status == 200)
        #expect(try GatewayFixture.json(response)["Parameters"]?["Password"] == .string("Ab1!*~ é杭"))
    }

    @Test func v1FormBodyParametersAreSignedAndPassed() throws {
        let request = GatewayFixture.v1(parameters: ["DiskId": "d-1", "Password": "Ab1!&=+"], formBody: true)
        #expect(!request.url.contains("DiskId"))
        let response = GatewayFixture.emulator().handle(request)
        #expect(response.status == 200)
        let parameters = try GatewayFixture.json(response)["Parameters"]
        #expect(parameters == .object(["DiskId": .string("d-1"), "Password": .string("Ab1!&=+")]))
    }

    @Test func v1FormBodyParameterTamperedFails() throws {
        var request = GatewayFixture.v1(parameters: ["DiskId": "d-1"], formBody: true)
        request.body = Data("DiskId=d-2".utf8)
        #expect(
            try GatewayFixture.json(GatewayFixture.emulator().handle(request))["Code"]
                == .string("SignatureDoesNotMatch"))
    }

    @Test func v1WithSTSTokenPasses() throws {
        let response = GatewayFixture.emulator().handle(GatewayFixture.v1(credential: GatewayFixture.stsCredential))
        #expect(response.status == 200)
        let body = try GatewayFixture.json(response)
        #expect(body["AccessKeyId"] == .string("STS.id"))
        #expect(body["Parameters"]?["SecurityToken"] == nil)
    }

    @Test func v3SignedBySignerV3Passes() throws {
        let response = GatewayFixture.emulator().handle(
            GatewayFixture.v3(query: ["DiskId": "d-1", "Password": "Ab1!*~ é杭", "AutoStartInstance": "True"]))
        #expect(response.status == 200)
        let parameters = try GatewayFixture.json(response)["Parameters"]
        #expect(parameters?["Password"] == .string("Ab1!*~ é杭"))
        #expect(parameters?["AutoStartInstance"] == .string("True"))
    }

    @Test func v3WithSTSTokenPasses() throws {
        let response = GatewayFixture.emulator().handle(GatewayFixture.v3(credential: GatewayFixture.stsCredential))
        #expect(response.status == 200)
    }

    @Test func v3WithAFormBodyPasses() throws {
        let response = GatewayFixture.emulator().handle(
            GatewayFixture.v3(
                query: ["RegionId": "cn-hangzhou"], body: Data("DiskId=d-1&Password=Ab1%21".utf8),
                headers: ["Content-Type": "application/x-www-form-urlencoded"]))
        #expect(response.status == 200)
        let parameters = try GatewayFixture.json(response)["Parameters"]
        #expect(
            parameters
                == .object(
                    ["RegionId": .string("cn-hangzhou"), "DiskId": .string("d-1"), "Password": .string("Ab1!")]))
    }

    /// As the Python Tea SDK signs: every header it sends, `accept` and `user-agent` included, `host` with the port.
    @Test func v3WithExtraSignedHeadersPasses() throws {
        var headers = [
            "host": GatewayFixture.host, "accept": "application/json",
            "user-agent": "AlibabaCloud (Linux) Python/3.11 TeaDSL/1",
            "x-acs-action": "ReInitDisk", "x-acs-version": "2014-05-26", "x-acs-date": "2024-01-01T00:00:00Z",
            "x-acs-signature-nonce": "n-extra", "x-acs-content-sha256": Digest.hex(Digest.sha256(Data())),
        ]
        let signedHeaders = headers.keys.sorted()
        let canonical = SignerV3.canonicalRequest(
            method: "POST", canonicalQuery: "AutoStartInstance=True&DiskId=d-1", headers: headers,
            signedHeaders: signedHeaders, hashedPayload: headers["x-acs-content-sha256"]!)
        let signature = SignerV3.signature(
            stringToSign: SignerV3.stringToSign(canonicalRequest: canonical), secret: GatewayFixture.secret)
        headers["authorization"] =
            "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=\(signedHeaders.joined(separator: ";")),"
            + "Signature=\(signature)"
        let request = HTTPRequest(
            method: "POST", url: "http://\(GatewayFixture.host)/?DiskId=d-1&AutoStartInstance=True",
            headers: Dictionary(uniqueKeysWithValues: headers.map { ($0.key.capitalized, $0.value) }))
        let response = GatewayFixture.emulator().handle(request)
        #expect(response.status == 200)
        // A signed header changed in transit is caught.
        var tampered = request
        tampered.headers["User-Agent"] = "curl/8"
        #expect(
            try GatewayFixture.json(GatewayFixture.emulator().handle(tampered))["Code"]
                == .string("SignatureDoesNotMatch"))
    }

    @Test func v3WithUnsignedExtraHeadersPasses() throws {
        var request = GatewayFixture.v3()
        request.headers["User-Agent"] = "curl/8.5.0"
        request.headers["Accept"] = "*/*"
        request.headers["x-acs-trace"] = "unsigned"
        #expect(GatewayFixture.emulator().handle(request).status == 200)
    }

    /// The Tea SDK encodes its query as a form: a space arrives as `+`, and `Format` in lower case.
    @Test func teaQuirksPass() throws {
        var v1 = GatewayFixture.v1(
            parameters: ["DiskId": "d-1", "DiskName": "my disk", "AutoStartInstance": "True"], format: "json")
        v1.url = v1.url.replacingOccurrences(of: "%20", with: "+")
        #expect(v1.url.contains("my+disk"))
        let v1Response = GatewayFixture.emulator().handle(v1)
        #expect(v1Response.status == 200)
        #expect(v1Response.header("Content-Type") == "application/json;charset=utf-8")
        #expect(try GatewayFixture.json(v1Response)["Parameters"]?["DiskName"] == .string("my disk"))

        var v3 = GatewayFixture.v3(query: ["DiskId": "d-1", "DiskName": "my disk"])
        v3.url = v3.url.replacingOccurrences(of: "%20", with: "+")
        #expect(v3.url.contains("my+disk"))
        let v3Response = GatewayFixture.emulator().handle(v3)
        #expect(v3Response.status == 200)
        #expect(try GatewayFixture.json(v3Response)["Parameters"]?["DiskName"] == .string("my disk"))
    }

    /// A request addressed to a server, in origin form, is read the same way.
    @Test func originFormTargetPasses() throws {
        var request = GatewayFixture.v1()
        request.url = request.url.replacingOccurrences(of: "http://\(GatewayFixture.host)", with: "")
        #expect(request.url.hasPrefix("/?"))
        #expect(GatewayFixture.emulator().handle(request).status == 200)
    }
}

/// The 15-minute window of timestamps, either way, on an injected clock.
struct VerificationTimestampTests {
    static let offsets: [(seconds: TimeInterval, accepted: Bool)] = [
        (0, true), (-899, true), (899, true), (-900, true), (900, true), (-901, false), (901, false),
        (-(14 * 60 + 59), true), (14 * 60 + 59, true), (-(15 * 60 + 1), false), (15 * 60 + 1, false),
    ]

    @Test(arguments: offsets)
    func v1Window(seconds: TimeInterval, accepted: Bool) throws {
        let response = GatewayFixture.emulator().handle(GatewayFixture.v1(timestamp: GatewayFixture.now + seconds))
        try expect(response, accepted: accepted)
    }

    @Test(arguments: offsets)
    func v3Window(seconds: TimeInterval, accepted: Bool) throws {
        let response = GatewayFixture.emulator().handle(GatewayFixture.v3(date: GatewayFixture.now + seconds))
        try expect(response, accepted: accepted)
    }

    private func expect(_ response: HTTPResponse, accepted: Bool) throws {
        if accepted {
            #expect(response.status == 200)
        } else {
            #expect(response.status == 400)
            #expect(try GatewayFixture.json(response)["Code"] == .string("InvalidTimeStamp.Expired"))
        }
    }
}

/// Nonces: each accepted once per AccessKeyId, remembered while a replay could pass, then forgotten.
struct VerificationNonceTests {
    @Test func aReplayIsRefused() throws {
        let emulator = GatewayFixture.emulator()
        #expect(emulator.handle(GatewayFixture.v1(nonce: "n")).status == 200)
        let replay = emulator.handle(GatewayFixture.v1(nonce: "n"))
        #expect(replay.status == 400)
        let body = try GatewayFixture.json(replay)
        #expect(body["Code"] == .string("SignatureNonceUsed"))
        #expect(body["Message"] == .string("Specified signature nonce was used already."))
        // v3 shares the store: the same nonce under the same key is a replay too.
        #expect(
            try GatewayFixture.json(emulator.handle(GatewayFixture.v3(nonce: "n")))["Code"]
                == .string("SignatureNonceUsed"))
    }

    @Test func noncesArePerAccessKey() {
        let emulator = GatewayFixture.emulator()
        #expect(emulator.handle(GatewayFixture.v1(nonce: "n")).status == 200)
        #expect(emulator.handle(GatewayFixture.v1(credential: GatewayFixture.stsCredential, nonce: "n")).status == 200)
    }

    @Test func aRefusedRequestDoesNotUseUpItsNonce() {
        let emulator = GatewayFixture.emulator()
        let wrong = Credential(accessKeyId: "testid", accessKeySecret: "wrong")
        #expect(emulator.handle(GatewayFixture.v1(credential: wrong, nonce: "n")).status == 400)
        #expect(emulator.handle(GatewayFixture.v1(nonce: "n")).status == 200)
        #expect(emulator.rememberedNonceCount == 1)
    }

    @Test func aNonceIsRememberedAsLongAsAReplayCouldPass() {
        let clock = FixedClock(GatewayFixture.now)
        let emulator = GatewayFixture.emulator(clock: clock)
        // Signed 15 minutes ahead: valid until now + 30 minutes.
        let request = GatewayFixture.v1(timestamp: GatewayFixture.now + 900, nonce: "ahead")
        #expect(emulator.handle(request).status == 200)
        clock.advance(by: 29 * 60)
        #expect(emulator.handle(request).status == 400)
        #expect(emulator.rememberedNonceCount >= 1)
    }

    @Test func rememberedNoncesExpireSoMemoryStaysBounded() {
        let clock = FixedClock(GatewayFixture.now)
        let emulator = GatewayFixture.emulator(clock: clock)
        for index in 0..<100 {
            #expect(emulator.handle(GatewayFixture.v1(nonce: "n-\(index)")).status == 200)
        }
        #expect(emulator.rememberedNonceCount == 100)
        clock.advance(by: 16 * 60)
        #expect(emulator.handle(GatewayFixture.v1(timestamp: clock.now(), nonce: "later")).status == 200)
        #expect(emulator.rememberedNonceCount == 1)
        // A forgotten nonce is no risk: its request's timestamp has expired.
        let old = emulator.handle(GatewayFixture.v1(nonce: "n-0"))
        #expect(old.status == 400)
    }
}

/// Input that is not valid percent-encoding is a 400 with an error body, never a crash.
struct VerificationMalformedInputTests {
    @Test(arguments: ["DiskId=%", "DiskId=%2", "DiskId=%zz", "%G0=1", "DiskId=%C3%28", "DiskId=%FF"])
    func malformedQuery(_ query: String) throws {
        let response = GatewayFixture.emulator().handle(
            HTTPRequest(method: "POST", url: "http://\(GatewayFixture.host)/?Action=ReInitDisk&" + query))
        try expectMalformed(response)
    }

    @Test(arguments: [Data("DiskId=%zz".utf8), Data([0x44, 0x3D, 0xFF, 0xFE])])
    func malformedFormBody(_ body: Data) throws {
        let response = GatewayFixture.emulator().handle(
            HTTPRequest(
                method: "POST", url: "http://\(GatewayFixture.host)/?Format=XML",
                headers: ["Content-Type": "application/x-www-form-urlencoded"], body: body))
        try expectMalformed(response)
    }

    @Test(arguments: [
        "", "/", "?", "http://", "http://h", "http://h?a", "http://h/#x", "://?&&==", "/?&=&=%20", "/?a=1&a=2",
        "http://[::1]:80/?Format=XML", "/\u{0}?\u{0}=\u{0}",
    ])
    func oddTargetsAreAnsweredWithErrors(_ url: String) throws {
        for method in ["GET", "POST", "", "DELETE"] {
            let response = GatewayFixture.emulator().handle(
                HTTPRequest(method: method, url: url, headers: ["Authorization": "ACS3-HMAC-SHA256 ,,=;"]))
            #expect((400..<500).contains(response.status))
            #expect(!response.body.isEmpty)
        }
    }

    private func expectMalformed(_ response: HTTPResponse) throws {
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/json;charset=utf-8")
        let body = try GatewayFixture.json(response)
        #expect(body["Code"] == .string("InvalidParameter"))
        #expect(body["Message"] == .string("The request query or body is not valid percent-encoding."))
        #expect(body["RequestId"] == .string("REQ-1"))
    }
}
