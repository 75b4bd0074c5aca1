/// ReInitDisk's `SecurityEnhancementStrategy` for a system disk, spelled as the API document spells it.
public enum SecurityEnhancementStrategy: String, Sendable, CaseIterable {
    /// Install the security agents (Cloud Security Center); public images only.
    case active = "Active"
    /// Uninstall them; any image.
    case deactive = "Deactive"

    /// `active` or `deactive` in any case, as a user types it.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            return nil
        }
        self = match
    }
}
