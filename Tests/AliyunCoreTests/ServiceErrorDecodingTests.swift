import Foundation
import Testing

@testable import AliyunCore

/// Reading error bodies: JSON and XML service errors, and everything else told apart without a crash.
struct ServiceErrorDecodingTests {
    @Test
    func jsonErrorBodiesGiveEveryField() throws {
        let body = """
            {"RequestId":"6EF60BEC-0242-43AF-BB20-270359FB54A7","HostId":"ecs.aliyuncs.com",\
            "Code":"IncorrectInstanceStatus","Message":"The current status of the resource does not support this operation.",\
            "Recommend":"https://api.aliyun.com/troubleshoot?q=IncorrectInstanceStatus"}
            """
        let error = try #require(ServiceError(httpStatus: 403, body: Data(body.utf8)))
        #expect(
            error
                == ServiceError(
                    code: "IncorrectInstanceStatus",
                    message: "The current status of the resource does not support this operation.",
                    requestId: "6EF60BEC-0242-43AF-BB20-270359FB54A7", hostId: "ecs.aliyuncs.com",
                    recommend: "https://api.aliyun.com/troubleshoot?q=IncorrectInstanceStatus", httpStatus: 403))
    }

    @Test
    func xmlErrorBodiesGiveEveryField() throws {
        let body = """
            <?xml version='1.0' encoding='UTF-8'?>
            <Error>
              <RequestId>540CFF28-407A-40B5-B6A5-74Bxxxxxxxxx</RequestId>
              <HostId>ecs.aliyuncs.com</HostId>
              <Code>InvalidDiskId.NotFound</Code>
              <Message>The specified disk does not exist.</Message>
              <Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=InvalidDiskId.NotFound&product=Ecs]]></Recommend>
            </Error>
            """
        let error = try #require(ServiceError(httpStatus: 404, body: Data(body.utf8)))
        #expect(error.code == "InvalidDiskId.NotFound")
        #expect(error.message == "The specified disk does not exist.")
        #expect(error.requestId == "540CFF28-407A-40B5-B6A5-74Bxxxxxxxxx")
        #expect(error.hostId == "ecs.aliyuncs.com")
        #expect(error.recommend == "https://api.aliyun.com/troubleshoot?q=InvalidDiskId.NotFound&product=Ecs")
        #expect(error.httpStatus == 404)
    }

    @Test
    func xmlEntitiesAreDecodedAndNestedFieldsIgnored() throws {
        let body = """
            <Error><Detail><Code>Nested</Code></Detail><Code>InvalidParameter</Code>\
            <Message>&quot;Password&quot; must be 8 &lt; length &amp; more</Message></Error>
            """
        let error = try #require(ServiceError(httpStatus: 400, body: Data(body.utf8)))
        #expect(error.code == "InvalidParameter")
        #expect(error.message == #""Password" must be 8 < length & more"#)
    }

    @Test
    func aSignatureMessageKeepsItsStringToSign() throws {
        let message = "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&A%3Db"
        let body = #"{"Code":"SignatureDoesNotMatch","Message":"\#(message)","RequestId":"R"}"#
        let error = try #require(ServiceError(httpStatus: 400, body: Data(body.utf8)))
        #expect(error.message == message)
    }

    @Test(arguments: [
        #"{"code":"Throttling","message":"slow down"}"#,
        "\u{FEFF}\n  {\"Code\":\"Throttling\",\"Message\":\"slow down\"}",
        "  \r\n<Error><Code>Throttling</Code><Message>slow down</Message></Error>",
        "<Response><Code>Throttling</Code><Message>slow down</Message></Response>",
    ])
    func tolerantForms(body: String) throws {
        let error = try #require(ServiceError(httpStatus: 400, body: Data(body.utf8)))
        #expect(error.code == "Throttling")
        #expect(error.message == "slow down")
    }

    @Test
    func numericCodesAreKeptAsText() throws {
        let error = try #require(ServiceError(httpStatus: 500, body: Data(#"{"Code":500,"Message":"x"}"#.utf8)))
        #expect(error.code == "500")
    }

    @Test(arguments: [
        ("empty", ""),
        ("blank", " \n\t "),
        ("HTML", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"),
        ("HTML doctype", "<!DOCTYPE html><html><body>Service Unavailable</body></html>"),
        ("truncated JSON", #"{"RequestId":"R","Code":"Thrott"#),
        ("truncated XML", "<Error><RequestId>R</RequestId><Code>Throttling</Code>"),
        ("JSON without Code", #"{"RequestId":"R","Message":"no code"}"#),
        ("JSON with empty Code", #"{"RequestId":"R","Code":""}"#),
        ("JSON with null Code", #"{"RequestId":"R","Code":null}"#),
        ("JSON array", #"[{"Code":"Throttling"}]"#),
        ("plain text", "upstream connect error or disconnect/reset before headers"),
        ("XML without Code", "<Error><Message>no code</Message></Error>"),
    ])
    func bodiesThatAreNoServiceErrorGiveNil(name: String, body: String) {
        #expect(ServiceError(httpStatus: 502, body: Data(body.utf8)) == nil, "\(name)")
    }

    @Test
    func binaryGarbageGivesNil() {
        let body = Data([0x7B, 0xFF, 0xFE, 0x00, 0x22, 0xC3, 0x28, 0x3C, 0x00])
        #expect(ServiceError(httpStatus: 500, body: body) == nil)
        #expect(ServiceError(httpStatus: 500, body: Data([0x3C, 0xFF, 0xFE, 0x00])) == nil)
    }

    @Test
    func externalEntitiesAreNotResolved() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("ecsh-xxe-\(UUID().uuidString)")
        try "TOP-SECRET-FILE".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let body = """
            <?xml version="1.0"?><!DOCTYPE Error [<!ENTITY leak SYSTEM "\(secret.absoluteString)">]>\
            <Error><Code>X</Code><Message>&leak;</Message></Error>
            """
        let error = ServiceError(httpStatus: 400, body: Data(body.utf8))
        #expect(error?.message.contains("TOP-SECRET") != true)
    }

    @Test(
        arguments: [
            (
                "text/html", "<html>\n<head><title>502 Bad Gateway</title></head>\n</html>", false,
                "a non-JSON body (text/html): <html> <head><title>502 Bad Gateway</title></head> </html>"
            ),
            (nil, "", false, "an empty body"),
            ("application/json", "  ", false, "an empty body (application/json)"),
            (
                "application/json", #"{"Code":"Intern"#, false,
                #"a truncated or malformed JSON body (application/json): {"Code":"Intern"#
            ),
            (
                "application/json", #"{"Error":"boom"}"#, false,
                #"a JSON body that is not a service error (application/json): {"Error":"boom"}"#
            ),
            ("text/plain", "OK", true, "a non-JSON body (text/plain): OK"),
            (nil, "OK", true, "a non-JSON body (no content type): OK"),
            (
                "application/json", #"{"RequestId":"#, true,
                #"a truncated or malformed JSON body (application/json): {"RequestId":"#
            ),
        ] as [(String?, String, Bool, String)])
    func unreadableBodiesAreDescribed(contentType: String?, body: String, success: Bool, reason: String) {
        #expect(
            ResponseBody.unreadableReason(body: Data(body.utf8), contentType: contentType, success: success) == reason)
    }

    @Test
    func snippetsAreShortSingleLinesWithoutControlCharacters() {
        let body = Data(("<html>\u{1B}[31m\r\n\t" + String(repeating: "x", count: 200)).utf8)
        let snippet = ResponseBody.snippet(body)
        #expect(snippet.count == ResponseBody.snippetLength + 1)
        #expect(snippet.hasPrefix("<html> [31m xxx"))
        #expect(snippet.hasSuffix("x…"))
        #expect(!snippet.contains { $0.isNewline || $0 == "\u{1B}" || $0 == "\t" })
    }

    @Test
    func snippetsOfInvalidUTF8DoNotCrash() {
        let snippet = ResponseBody.snippet(Data([0x3C, 0xC3, 0x28, 0xFF, 0x3E]))
        #expect(snippet == "<\u{FFFD}(\u{FFFD}>")
    }
}
