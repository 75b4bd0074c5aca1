import AliyunCore
import Foundation
import Testing

/// Known-answer tests with the vectors of PROTOCOL.md §1 (secret `testsecret`, AccessKeyId `testid`).
struct SignerV1Tests {
    let signer = SignerV1(credential: Credential(accessKeyId: "testid", accessKeySecret: "testsecret"))

    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var action: String
        var format: String
        var timestamp: String
        var nonce: String
        var parameters: [String: String]
        var signature: String
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(
            name: "DescribeRegions GET", method: "GET", action: "DescribeRegions", format: "XML",
            timestamp: "2016-02-23T12:46:24Z", nonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", parameters: [:],
            signature: "OLeaidS1JvxuMvnyHOwuJ+uX5qY="),
        Vector(
            name: "DescribeRegions POST", method: "POST", action: "DescribeRegions", format: "XML",
            timestamp: "2016-02-23T12:46:24Z", nonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", parameters: [:],
            signature: "MxbnVAM4w6sft9xjVpe/GCKueuk="),
        Vector(
            name: "old SDK ReInitDisk", method: "POST", action: "ReInitDisk", format: "JSON",
            timestamp: "2024-01-01T00:00:00Z", nonce: "0123456789abcdef0123456789abcdef",
            parameters: [
                "DiskId": "d-bp67acfmxazb4ph****", "AutoStartInstance": "True", "Password": "EcsV587!",
                "RegionId": "cn-hangzhou", "SignatureType": "",
            ],
            signature: "Ji7vdwQJhYly+HbUtQXzZrjqLD8="),
        Vector(
            name: "Tea SDK v1 ReInitDisk", method: "POST", action: "ReInitDisk", format: "json",
            timestamp: "2024-01-01T00:00:00Z", nonce: "0123456789abcdef0123456789abcdef",
            parameters: ["DiskId": "d-bp67acfmxazb4ph****", "AutoStartInstance": "True", "Password": "EcsV587!"],
            signature: "+pI2HH32mssmjeKntLmEuFmZrqo="),
    ]

    @Test(arguments: vectors)
    func knownAnswer(_ vector: Vector) throws {
        let timestamp = try #require(Timestamp.parse(vector.timestamp))
        let signed = signer.sign(
            method: vector.method, action: vector.action, version: "2014-05-26", parameters: vector.parameters,
            format: vector.format, timestamp: timestamp, nonce: vector.nonce)
        #expect(signed["Signature"] == vector.signature)
        #expect(signed["Timestamp"] == vector.timestamp)
        #expect(signed["SignatureNonce"] == vector.nonce)
    }

    @Test func stringToSignOfTheDocumentedVector() throws {
        let signed = signer.sign(
            method: "GET", action: "DescribeRegions", version: "2014-05-26", parameters: [:], format: "XML",
            timestamp: try #require(Timestamp.parse("2016-02-23T12:46:24Z")),
            nonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf")
        #expect(
            SignerV1.stringToSign(method: "GET", parameters: signed)
                == "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
                + "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0"
                + "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26")
    }

    @Test func securityTokenIsSentAndSigned() throws {
        let sts = SignerV1(
            credential: Credential(accessKeyId: "testid", accessKeySecret: "testsecret", securityToken: "tok/en+1"))
        let date = try #require(Timestamp.parse("2024-01-01T00:00:00Z"))
        let withToken = sts.sign(
            method: "POST", action: "DescribeRegions", version: "2014-05-26", parameters: [:], format: "JSON",
            timestamp: date, nonce: "n")
        let withoutToken = signer.sign(
            method: "POST", action: "DescribeRegions", version: "2014-05-26", parameters: [:], format: "JSON",
            timestamp: date, nonce: "n")
        #expect(withToken["SecurityToken"] == "tok/en+1")
        #expect(withToken["Signature"] != withoutToken["Signature"])
        #expect(
            withToken["Signature"]
                == SignerV1.signature(
                    stringToSign: SignerV1.stringToSign(method: "POST", parameters: withToken), secret: "testsecret"))
    }

    @Test func anyChangedParameterChangesTheSignature() throws {
        let date = try #require(Timestamp.parse("2024-01-01T00:00:00Z"))
        let base = signer.sign(
            method: "POST", action: "ReInitDisk", version: "2014-05-26", parameters: ["DiskId": "d-1"],
            format: "JSON", timestamp: date, nonce: "n")
        let other = signer.sign(
            method: "POST", action: "ReInitDisk", version: "2014-05-26", parameters: ["DiskId": "d-2"],
            format: "JSON", timestamp: date, nonce: "n")
        #expect(base["Signature"] != other["Signature"])
    }
}
