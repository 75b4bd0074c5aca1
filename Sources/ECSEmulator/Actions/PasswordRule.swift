/// The instance password rule of ReInitDisk's `Password`: 8 to 30 characters, at least three of the four
/// kinds (upper case, lower case, digits, specials from ``()`~!@#$%^&*-_+=|{}[]:;'<>,.?/``), nothing else;
/// on Windows the first character may not be `/`.
public enum PasswordRule {
    public static let specials = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/"
    public static let lengths = 8...30

    /// What is wrong with a password.
    public enum Problem: Sendable, Equatable {
        case tooShort
        case tooLong
        /// A character outside letters, digits and the specials (spaces, non-ASCII, `"`, `\`).
        case forbiddenCharacter(Character)
        /// Fewer than three of the four kinds; the number present.
        case tooFewKinds(Int)
        /// A Windows password starting with `/`.
        case leadingSlashOnWindows
    }

    /// The first problem found, or `nil` for a good password.
    public static func problem(with password: String, osType: OSType = .linux) -> Problem? {
        let specialSet = Set(specials)
        var upper = false
        var lower = false
        var digit = false
        var special = false
        for character in password {
            guard character.isASCII else { return .forbiddenCharacter(character) }
            switch character {
            case "A"..."Z": upper = true
            case "a"..."z": lower = true
            case "0"..."9": digit = true
            case _ where specialSet.contains(character): special = true
            default: return .forbiddenCharacter(character)
            }
        }
        if password.count < lengths.lowerBound { return .tooShort }
        if password.count > lengths.upperBound { return .tooLong }
        let kinds = [upper, lower, digit, special].filter { $0 }.count
        if kinds < 3 { return .tooFewKinds(kinds) }
        if osType == .windows, password.hasPrefix("/") { return .leadingSlashOnWindows }
        return nil
    }
}
