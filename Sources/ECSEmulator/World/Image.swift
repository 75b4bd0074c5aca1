/// An image of the world file (`Images[]`): where system disks come from.
///
/// Image ids are unique within a region (public images have the same id in every region).
public struct Image: Sendable, Equatable, Codable {
    public var imageId: String
    public var regionId: String
    public var osType: OSType
    public var imageOwnerAlias: ImageOwnerAlias
    /// Emulator-only: the image was deleted, so disks made from it cannot be re-initialised.
    public var deleted: Bool

    enum CodingKeys: String, CodingKey {
        case imageId = "ImageId"
        case regionId = "RegionId"
        case osType = "OSType"
        case imageOwnerAlias = "ImageOwnerAlias"
        case deleted = "Deleted"
    }

    public init(
        imageId: String, regionId: String, osType: OSType = .linux, imageOwnerAlias: ImageOwnerAlias = .system,
        deleted: Bool = false
    ) {
        self.imageId = imageId
        self.regionId = regionId
        self.osType = osType
        self.imageOwnerAlias = imageOwnerAlias
        self.deleted = deleted
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        imageId = try container.decode(String.self, forKey: .imageId)
        regionId = try container.decode(String.self, forKey: .regionId)
        osType = try container.decode(OSType.self, forKey: .osType)
        imageOwnerAlias = try container.decode(ImageOwnerAlias.self, forKey: .imageOwnerAlias)
        deleted = try container.decode(.deleted, default: false)
    }

    /// Public images (`ImageOwnerAlias` `system`) are the only ones security hardening (`Active`) supports.
    public var isPublic: Bool { imageOwnerAlias == .system }
}
