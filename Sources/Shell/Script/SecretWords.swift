/// Which command words are secrets: a literal `set password VALUE`. Such a line never reaches the
/// history, and `--echo` prints it with the value replaced.
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
        shown[index] = mask
        return shown
    }

    private static func secretIndex(in words: [String]) -> Int? {
        guard words.count >= 3, words[0] == "set", words[1] == "password" else { return nil }
        return words.indices.dropFirst(2).first { index in
            !words[index].hasPrefix("--") && !["--from-env", "--from-file"].contains(words[index - 1])
        }
    }
}
