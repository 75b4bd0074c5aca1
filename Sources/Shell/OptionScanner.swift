/// Reads a command line's options the one way every ecsh command line is read: `--name value`,
/// `--name=value` and bare flags, with errors that name the option and suggest the nearest one.
struct OptionScanner {
    /// How errors name an option: "option", "serve option".
    var kind: String
    /// Options that take a value.
    var valueOptions: [String]
    /// Options that take none.
    var flagOptions: [String]

    /// Calls `option` with each option's name and value (`nil` for a flag), in order. A word that is not
    /// an option goes to `positional`, or is an unknown option when there is no `positional`.
    func scan(
        _ arguments: [String], positional: ((String) throws(UsageError) -> Void)? = nil,
        option: (_ name: String, _ value: String?) throws(UsageError) -> Void
    ) throws(UsageError) {
        var index = 0
        while index < arguments.count {
            var name = arguments[index]
            var inlineValue: String?
            if name.hasPrefix("--"), let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            index += 1
            if flagOptions.contains(name) {
                guard inlineValue == nil else { throw UsageError("\(kind) \(name) takes no value") }
                try option(name, nil)
                continue
            }
            guard valueOptions.contains(name) else {
                if let positional, !name.hasPrefix("-") {
                    try positional(name)
                    continue
                }
                throw UsageError.unknown(kind, name, candidates: valueOptions + flagOptions)
            }
            guard let value = inlineValue ?? (index < arguments.count ? arguments[index] : nil) else {
                throw UsageError("\(kind) \(name) needs a value")
            }
            if inlineValue == nil { index += 1 }
            try option(name, value)
        }
    }
}
