/// Writes a word back so the tokenizer would read it as it was: quoted only when it has to be.
enum ShellQuoting {
    static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=,@%+*".contains($0) }
        if plain { return word }
        return "'" + word.replacing("'", with: "'\\''") + "'"
    }
}
