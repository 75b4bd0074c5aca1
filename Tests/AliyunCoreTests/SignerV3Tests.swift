import AliyunCore
import Foundation
import Testing

/// Known-answer tests with the ACS3-HMAC-SHA256 vector of PROTOCOL.md §2.
struct SignerV3Tests {
    let signer = SignerV3(
        credential: Credential(accessKeyId: "YourAccessKeyId", accessKeySecret: "YourAccessKeySecret"))
    let query = ["ImageId": "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId": "cn-shanghai"]

    func signDocumentVector(headers: [String: String] = [:]) throws -> [String: String] {
        signer.sign(
            method: "POST", host: "ecs.cn-shanghai.aliyuncs.com", action: "RunInstances", version: "2014-05-26",
            query: query, body: Data(), headers: headers,
            date: try #require(Timestamp.parse("2023-10-26T10:22:32Z")), nonce: "3156853299f313e23d1673dc12e1703d")
    }

    @Test func documentVector() throws {
        let headers = try signDocumentVector()
        #expect(
            headers["authorization"]
                == "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
                + "x-acs-date;x-acs-signature-nonce;x-acs-version,"
                + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0")
        #expect(headers["x-acs-content-sha256"] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(headers["x-acs-date"] == "2023-10-26T10:22:32Z")
    }

    @Test func canonicalRequestOfTheDocumentVector() throws {
        let headers = try signDocumentVector()
        let signed = [
            "host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version",
        ]
        let canonical = SignerV3.canonicalRequest(
            method: "POST", canonicalQuery: canonicalQueryString(query), headers: headers, signedHeaders: signed,
            hashedPayload: headers["x-acs-content-sha256"]!)
        #expect(
            canonical == """
                POST
                /
                ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai
                host:ecs.cn-shanghai.aliyuncs.com
                x-acs-action:RunInstances
                x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-acs-date:2023-10-26T10:22:32Z
                x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d
                x-acs-version:2014-05-26

                host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(
            SignerV3.signature(
                stringToSign: SignerV3.stringToSign(canonicalRequest: canonical), secret: "YourAccessKeySecret")
                == "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0")
    }

    @Test func securityTokenAndContentTypeAreSigned() throws {
        let sts = SignerV3(credential: Credential(accessKeyId: "id", accessKeySecret: "secret", securityToken: "token"))
        let headers = sts.sign(
            method: "POST", host: "127.0.0.1:8080", action: "DescribeRegions", version: "2014-05-26", query: [:],
            body: Data("a=b".utf8), headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "*/*"],
            date: Date(timeIntervalSince1970: 0), nonce: "n")
        let authorization = try #require(headers["authorization"])
        #expect(authorization.contains("SignedHeaders=content-type;host;x-acs-action;"))
        #expect(authorization.contains("x-acs-security-token;x-acs-signature-nonce;x-acs-version,"))
        #expect(headers["x-acs-security-token"] == "token")
        #expect(headers["accept"] == "*/*")
        #expect(!authorization.contains("accept"))
    }
}
