/// An answer of the API that lacks what a model needs: says which model, which field and what was found.
public struct ModelDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model or answer being read, e.g. `Disk` or `DescribeDisks`.
    public var model: String
    /// The field, e.g. `DiskId` or `Disks.Disk`.
    public var field: String
    /// What is wrong with it, e.g. "is missing" or "is not a number".
    public var problem: String

    public init(model: String, field: String, problem: String) {
        self.model = model
        self.field = field
        self.problem = problem
    }

    public var description: String { "unexpected answer: \(model) field \(field) \(problem)" }
}
