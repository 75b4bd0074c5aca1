import Testing

@testable import Shell

struct SecretWordsTests {
    @Test(arguments: [
        (["set", "password", "Abc123!x"], true, ["set", "password", "******"]),
        (["set", "password", "--from-env", "PW"], false, ["set", "password", "--from-env", "PW"]),
        (["set", "password", "--from-file", "/p"], false, ["set", "password", "--from-file", "/p"]),
        (["set", "password"], false, ["set", "password"]),
        (
            ["call", "ReInitDisk", "DiskId=d-1", "Password=x"], true,
            ["call", "ReInitDisk", "DiskId=d-1", "Password=******"]
        ),
        (["echo", "password", "x"], false, ["echo", "password", "x"]),
    ])
    func literalPasswordsAreFoundAndMasked(_ words: [String], _ secret: Bool, _ shown: [String]) {
        #expect(SecretWords.contain(words) == secret)
        #expect(SecretWords.redacted(words) == shown)
    }

    @Test(arguments: [("plain", "plain"), ("two words", "'two words'"), ("it's", "'it'\\''s'"), ("", "''")])
    func wordsAreQuotedOnlyWhenNeeded(_ word: String, _ quoted: String) throws {
        #expect(ShellQuoting.quote(word) == quoted)
        #expect(try Tokenizer().commands(in: quoted) == (word.isEmpty ? [[""]] : [[word]]))
    }
}
