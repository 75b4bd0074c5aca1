import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

/// JSON and XML bodies, success and error, with their content types.
struct RenderingTests {
    static let throttled = APIError(
        code: "Throttling", message: "Request was denied due to request throttling.", httpStatus: 400,
        headers: ["x-acs-retry-after": "1500", "Content-Type": "text/plain"])

    @Test func jsonSuccess() throws {
        let response = ResponseRenderer.success(
            action: "ReInitDisk", body: ["Disks": .object(["Disk": .array([])])], requestId: "REQ", format: .json)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json;charset=utf-8")
        #expect(response.header("x-acs-request-id") == "REQ")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"Disks":{"Disk":[]},"RequestId":"REQ"}"#)
    }

    @Test func xmlSuccessWrapsListsAndPutsRequestIdFirst() {
        let response = ResponseRenderer.success(
            action: "DescribeDisks",
            body: [
                "TotalCount": .integer(2),
                "Disks": .object([
                    "Disk": .array([
                        .object(["DiskId": .string("d-1"), "Portable": .bool(true), "Size": .double(40.5)]),
                        .object(["DiskId": .string("d-2"), "Tags": .object(["Tag": .array([])]), "Note": .null]),
                    ])
                ]),
            ], requestId: "REQ", format: .xml)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/xml;charset=utf-8")
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == "<?xml version='1.0' encoding='UTF-8'?><DescribeDisksResponse><RequestId>REQ</RequestId>"
                + "<Disks><Disk><DiskId>d-1</DiskId><Portable>true</Portable><Size>40.5</Size></Disk>"
                + "<Disk><DiskId>d-2</DiskId><Note></Note><Tags></Tags></Disk></Disks>"
                + "<TotalCount>2</TotalCount></DescribeDisksResponse>")
    }

    @Test func xmlEscapesTextAndReplacesCharactersXMLForbids() {
        let response = ResponseRenderer.success(
            action: "X", body: ["Name": .string(#"<a href="x">Tom & Jerry's</a>"#), "Bell": .string("a\u{7}b\tc")],
            requestId: "R", format: .xml)
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == "<?xml version='1.0' encoding='UTF-8'?><XResponse><RequestId>R</RequestId>"
                + "<Bell>a\u{FFFD}b\tc</Bell>"
                + "<Name>&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;</Name></XResponse>")
    }

    @Test func keysThatAreNotXMLNamesAreMadeIntoNames() {
        let response = ResponseRenderer.success(
            action: "X", body: ["1 bad<key>": .string("v")], requestId: "R", format: .xml)
        #expect(String(decoding: response.body, as: UTF8.self).contains("<_1_bad_key_>v</_1_bad_key_>"))
    }

    @Test func aRequestIdInTheBodyIsReplaced() throws {
        let response = ResponseRenderer.success(
            action: "X", body: ["RequestId": .string("forged")], requestId: "REQ", format: .json)
        #expect(try JSONValue.parse(response.body) == .object(["RequestId": .string("REQ")]))
    }

    @Test func jsonError() throws {
        let response = ResponseRenderer.error(
            Self.throttled, requestId: "REQ", hostId: "ecs.aliyuncs.com", format: .json)
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/json;charset=utf-8")
        #expect(response.header("x-acs-retry-after") == "1500")
        #expect(response.header("x-acs-request-id") == "REQ")
        #expect(
            try JSONValue.parse(response.body)
                == .object([
                    "RequestId": .string("REQ"), "HostId": .string("ecs.aliyuncs.com"), "Code": .string("Throttling"),
                    "Message": .string("Request was denied due to request throttling."),
                    "Recommend": .string("https://api.aliyun.com/troubleshoot?q=Throttling&product=Ecs&requestId=REQ"),
                ]))
    }

    @Test func xmlError() {
        let error = APIError(
            code: "InvalidDiskId.NotFound", message: "The specified disk does not exist.", httpStatus: 404)
        let response = ResponseRenderer.error(error, requestId: "REQ", hostId: "ecs.aliyuncs.com", format: .xml)
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "text/xml;charset=utf-8")
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>REQ</RequestId>"
                + "<HostId>ecs.aliyuncs.com</HostId><Code>InvalidDiskId.NotFound</Code>"
                + "<Message>The specified disk does not exist.</Message>"
                + "<Recommend>https://api.aliyun.com/troubleshoot?q=InvalidDiskId.NotFound&amp;product=Ecs"
                + "&amp;requestId=REQ</Recommend></Error>")
    }

    @Test(arguments: [("JSON", ResponseFormat.json), ("json", .json), ("Json", .json), ("XML", .xml), ("xml", .xml)])
    func formatParameterInAnyCase(_ text: String, _ format: ResponseFormat) {
        #expect(ResponseFormat(parameter: text) == format)
    }

    @Test(arguments: ["", "YAML", "JSONP", " json"])
    func otherFormatsAreNotFormats(_ text: String) {
        #expect(ResponseFormat(parameter: text) == nil)
    }

    /// Through the emulator: `Format` decides; v1 without it is XML, v3 without it JSON.
    @Test(arguments: [
        ("v1 Format=XML", "XML" as String?, 1, ResponseFormat.xml), ("v1 Format=json", "json", 1, .json),
        ("v1 without Format", nil, 1, .xml), ("v3 without Format", nil, 3, .json), ("v3 Format=XML", "XML", 3, .xml),
    ])
    func emulatorAnswersInTheRequestedFormat(
        _ name: String, _ format: String?, _ version: Int, _ expected: ResponseFormat
    )
        throws
    {
        for action in ["DescribeDisks", "Fail"] {
            let request: HTTPRequest
            if version == 1 {
                request = GatewayFixture.v1(action: action, parameters: [:]) { parameters in
                    parameters["Format"] = format
                    parameters["Signature"] = SignerV1.signature(
                        stringToSign: SignerV1.stringToSign(method: "POST", parameters: parameters),
                        secret: GatewayFixture.secret)
                }
            } else {
                request = GatewayFixture.v3(action: action, query: format.map { ["Format": $0] } ?? [:])
            }
            let response = GatewayFixture.emulator().handle(request)
            #expect(response.header("Content-Type") == expected.contentType, "\(name) \(action)")
            let text = String(decoding: response.body, as: UTF8.self)
            switch (expected, action) {
            case (.xml, "Fail"): #expect(text.contains("<Error><RequestId>REQ-1</RequestId>"))
            case (.xml, _): #expect(text.contains("<DescribeDisksResponse><RequestId>REQ-1</RequestId><Disks><Disk>"))
            case (.json, "Fail"): #expect(try GatewayFixture.json(response)["Code"] == .string("Throttling"))
            case (.json, _): #expect(try GatewayFixture.json(response)["Disks"]?["Disk"] != nil)
            }
        }
    }
}
