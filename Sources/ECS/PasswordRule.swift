/// The instance password rule of ReInitDisk's `Password`: 8 to 30 characters, at least three of the four
/// kinds (upper case, lower case, digits, specials from ``()`~!@#$%^&*-_+=|{}[]:;'<>,.?/``), nothing else;
/// on Windows the first character may not be `/`.
///
/// The client checks it before sending and the emulator answers `InvalidPassword.Malformed` by it, so the
/// two cannot disagree.
public enum PasswordRule {
    public static let specials = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/"
    public static let lengths = 8...30
    /// How many of the four kinds a password must use.
    public static let requiredKinds = 3

    /// The four kinds of characters a password mixes.
    public enum Kind: Sendable, Equatable, CaseIterable {
        case upperCase
        case lowerCase
        case digit
        case special
    }

    /// A character the rule does not accept, described without repeating it (a problem is printed).
    public enum ForbiddenCharacter: Sendable, Equatable {
        case space
        /// A tab, a newline or another control character.
        case control
        /// Letters with accents, Chinese characters, emoji: anything outside ASCII.
        case nonASCII
        case doubleQuote
        case backslash

        init(_ character: Character) {
            switch character {
            case " ": self = .space
            case "\"": self = .doubleQuote
            case "\\": self = .backslash
            case _ where !character.isASCII: self = .nonASCII
            default: self = .control
            }
        }
    }

    /// What is wrong with a password. No case holds the password's text.
    public enum Problem: Sendable, Equatable {
        /// The number of characters.
        case tooShort(Int)
        case tooLong(Int)
        /// The first character outside letters, digits and the specials, by its 1-based position.
        case forbiddenCharacter(position: Int, ForbiddenCharacter)
        /// Fewer than three of the four kinds; the kinds missing.
        case tooFewKinds(missing: [Kind])
        /// A Windows password starting with `/`.
        case leadingSlashOnWindows
    }

    /// The first problem found, or `nil` for a good password.
    ///
    /// Length is checked first, so a forbidden character is only ever named in a password of 8 or more.
    public static func problem(with password: String, windows: Bool = false) -> Problem? {
        let count = password.count
        if count < lengths.lowerBound { return .tooShort(count) }
        if count > lengths.upperBound { return .tooLong(count) }
        let specialSet = Set(specials)
        var present: Set<Kind> = []
        for (offset, character) in password.enumerated() {
            switch character {
            case "A"..."Z": present.insert(.upperCase)
            case "a"..."z": present.insert(.lowerCase)
            case "0"..."9": present.insert(.digit)
            case _ where character.isASCII && specialSet.contains(character): present.insert(.special)
            default: return .forbiddenCharacter(position: offset + 1, ForbiddenCharacter(character))
            }
        }
        if present.count < requiredKinds {
            return .tooFewKinds(missing: Kind.allCases.filter { !present.contains($0) })
        }
        if windows, password.hasPrefix("/") { return .leadingSlashOnWindows }
        return nil
    }
}
