/// The text before the cursor, split loosely for completion: the finished words of the command being
/// typed (after the last `;`), and the unfinished word at the end. Quotes and backslashes are read as the
/// tokenizer reads them, but nothing is an error: an open quote is part of the word being typed.
struct CompletionLine: Sendable, Equatable {
    /// The words before the one being completed, unquoted.
    var words: [String] = []
    /// The word being completed, unquoted ("" after a space).
    var partial = ""
    /// The word being completed as typed: the suffix of the line the editor replaces.
    var rawPartial = ""
    /// The quote left open at the end of the word being completed, if any.
    var openQuote: Character?
    /// The cursor is in a comment: nothing completes there.
    var isComment = false

    init(_ text: String) {
        let chars = Array(text)
        var word = ""
        var inWord = false
        var start = 0
        var quote: Character?
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if let open = quote {
                if char == open {
                    quote = nil
                } else if open == "\"", char == "\\", index + 1 < chars.count, "\"\\$".contains(chars[index + 1]) {
                    index += 1
                    word.append(chars[index])
                } else {
                    word.append(char)
                }
                index += 1
                continue
            }
            switch char {
            case " ", "\t", ";":
                if inWord { words.append(word) }
                if char == ";" { words = [] }
                word = ""
                inWord = false
            case "#" where !inWord:
                isComment = true
                return
            default:
                if !inWord {
                    inWord = true
                    start = index
                }
                if char == "'" || char == "\"" {
                    quote = char
                } else if char == "\\" {
                    if index + 1 < chars.count {
                        index += 1
                        word.append(chars[index])
                    }
                } else {
                    word.append(char)
                }
            }
            index += 1
        }
        if inWord {
            partial = word
            rawPartial = String(chars[start...])
            openQuote = quote
        }
    }

    /// `candidate` (an unquoted word that extends `partial`) as the line editor inserts it: the word as
    /// typed, then the rest quoted the way the word is (inside a quote, or with backslashes), the quote
    /// closed unless the candidate is a directory, whose completion goes on.
    func rendering(_ candidate: String) -> String {
        let rest = candidate.dropFirst(partial.count)
        var text = rawPartial
        switch openQuote {
        case "'":
            text += rest.replacing("'", with: "'\\''")
        case "\"":
            for char in rest {
                if "\"\\$".contains(char) { text.append("\\") }
                text.append(char)
            }
        default:
            for char in rest {
                if !(char.isLetter || char.isNumber || "-_./:=,@%+".contains(char)) { text.append("\\") }
                text.append(char)
            }
        }
        if let openQuote, !candidate.hasSuffix("/") { text.append(openQuote) }
        return text
    }
}
