/// Why a world file was not loaded: what is wrong, and where (the entry, its id, the field).
///
/// `message` reads like `Disks[3] (d-xyz): Status "Broken" is not one of In_use, Available, …`;
/// `description` puts the file name in front when the world came from a file.
public struct WorldError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file could not be read.
        case unreadable
        /// The text is not JSON.
        case malformedJSON
        /// A required field is absent.
        case missingField
        /// A field has the wrong JSON type or a value outside its set.
        case invalidValue
        /// Two entries share an id.
        case duplicateId
        /// An id names nothing in the world (an instance, a region, a zone).
        case unknownReference
    }

    public var kind: Kind
    public var message: String
    /// The world file's path, when there is one.
    public var file: String?

    public init(_ kind: Kind, _ message: String, file: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
    }

    public var description: String { file.map { "\($0): \(message)" } ?? message }
}
