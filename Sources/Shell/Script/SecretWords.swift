/// Which command words are secrets: a literal `set password VALUE`, or `Password=…` given to `call`.
/// Such a line never reaches the history, and `--echo` prints it with the value replaced.
enum SecretWords {
    static let mask = "******"

    /// Whether the words hold a password literally.
    static func contain(_ words: [String]) -> Bool {
        secretIndex(in: words) != nil
    }

    /// The words with a literal password masked.
    static func redacted(_ words: [String]) -> [String] {
        guard let index = secretIndex(in: words) else { return words }
        var shown = words
        shown[index] = words[index].hasPrefix("Password=") ? "Password=" + mask : mask
        return shown
    }

    /// Where the secret is among the words, if anywhere.
    private static func secretIndex(in words: [String]) -> Int? {
        if words.first == "call" {
            return words.indices.dropFirst().first { words[$0].hasPrefix("Password=") }
        }
        guard words.count >= 3, words[0] == "set", words[1] == "password" else { return nil }
        return words.indices.dropFirst(2).first { index in
            !words[index].hasPrefix("--") && !["--from-env", "--from-file"].contains(words[index - 1])
        }
    }
}
