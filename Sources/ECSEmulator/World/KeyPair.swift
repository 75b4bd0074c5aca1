import AliyunCore
import Foundation

/// An SSH key pair of the world file (`KeyPairs[]`); names are unique within a region.
public struct KeyPair: Sendable, Equatable, Codable {
    public var keyPairName: String
    public var regionId: String
    /// What DescribeKeyPairs shows; when absent, a fixed value derived from region and name.
    public var keyPairFingerPrint: String?

    enum CodingKeys: String, CodingKey {
        case keyPairName = "KeyPairName"
        case regionId = "RegionId"
        case keyPairFingerPrint = "KeyPairFingerPrint"
    }

    public init(keyPairName: String, regionId: String, keyPairFingerPrint: String? = nil) {
        self.keyPairName = keyPairName
        self.regionId = regionId
        self.keyPairFingerPrint = keyPairFingerPrint
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keyPairName = try container.decode(String.self, forKey: .keyPairName)
        regionId = try container.decode(String.self, forKey: .regionId)
        keyPairFingerPrint = try container.decodeText(.keyPairFingerPrint)
    }

    /// The fingerprint: the world's, or 16 colon-separated hex bytes that stay the same from run to run.
    public var fingerPrint: String {
        if let keyPairFingerPrint { return keyPairFingerPrint }
        let digest = Digest.sha256(Data("\(regionId)/\(keyPairName)".utf8)).prefix(16)
        return digest.map { Digest.hex([$0]) }.joined(separator: ":")
    }
}
