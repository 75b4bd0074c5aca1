/// Splits a line of the command language into commands and words, as `sh` would for the subset ecsh uses:
/// single quotes are literal, double quotes allow `\"`, `\\`, `\$` and `${NAME}`, a backslash escapes the
/// next character outside quotes, `#` at the start of a word begins a comment, `;` separates commands,
/// and `${NAME}` expands a variable.
///
/// An unterminated quote or a trailing backslash is `TokenizerError.incomplete`, so an interactive reader
/// can ask for a continuation line and try again with both lines.
public struct Tokenizer: Sendable {
    /// Looks up `${NAME}`; `nil` makes the name an undefined-variable error.
    public var variable: @Sendable (String) -> String?

    public init(variable: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.variable = variable
    }

    /// The commands of `text`, each a non-empty list of words.
    public func commands(in text: String) throws(TokenizerError) -> [[String]] {
        try scan(text, expanding: true).commands
    }

    /// The text of each command of `text`, checked but not yet expanded: `set X 1; echo ${X}` expands
    /// `${X}` only when its own command runs, after `set` has run, as in sh.
    public func commandTexts(in text: String) throws(TokenizerError) -> [String] {
        try scan(text, expanding: false).texts
    }

    private func scan(
        _ text: String, expanding: Bool
    ) throws(TokenizerError) -> (commands: [[String]], texts: [String]) {
        var commands: [[String]] = []
        var texts: [String] = []
        var commandStart = 0
        var words: [String] = []
        var word = ""
        var inWord = false
        var chars = Array(text)
        // A backslash-newline is a line continuation: it disappears.
        chars = removeContinuations(chars)
        var index = 0

        func endWord() {
            if inWord { words.append(word) }
            word = ""
            inWord = false
        }
        func endCommand(at end: Int) {
            endWord()
            if !words.isEmpty {
                commands.append(words)
                texts.append(String(chars[commandStart..<end]))
            }
            words = []
            commandStart = end + 1
        }

        while index < chars.count {
            let char = chars[index]
            switch char {
            case " ", "\t", "\r", "\n":
                if char == "\n" { endCommand(at: index) } else { endWord() }
                index += 1
            case ";":
                endCommand(at: index)
                index += 1
            case "#" where !inWord:
                while index < chars.count, chars[index] != "\n" { index += 1 }
            case "\\":
                guard index + 1 < chars.count else { throw .incomplete("a trailing backslash continues the line") }
                word.append(chars[index + 1])
                inWord = true
                index += 2
            case "'":
                guard let close = chars[(index + 1)...].firstIndex(of: "'") else {
                    throw .incomplete("unterminated single quote")
                }
                word += String(chars[(index + 1)..<close])
                inWord = true
                index = close + 1
            case "\"":
                inWord = true
                index += 1
                var closed = false
                while index < chars.count {
                    let inner = chars[index]
                    if inner == "\"" {
                        closed = true
                        index += 1
                        break
                    } else if inner == "\\", index + 1 < chars.count, "\"\\$".contains(chars[index + 1]) {
                        word.append(chars[index + 1])
                        index += 2
                    } else if inner == "$", index + 1 < chars.count, chars[index + 1] == "{" {
                        word += try expand(chars, at: &index, looking: expanding)
                    } else {
                        word.append(inner)
                        index += 1
                    }
                }
                guard closed else { throw .incomplete("unterminated double quote") }
            case "$" where index + 1 < chars.count && chars[index + 1] == "{":
                word += try expand(chars, at: &index, looking: expanding)
                inWord = true
            default:
                word.append(char)
                inWord = true
                index += 1
            }
        }
        endCommand(at: chars.count)
        return (commands, texts)
    }

    /// Expands `${NAME}` starting at `index` (which points at `$`), moving `index` past the `}`.
    /// Without `looking`, the reference is only checked, and stands for nothing.
    private func expand(_ chars: [Character], at index: inout Int, looking: Bool) throws(TokenizerError) -> String {
        guard let close = chars[(index + 2)...].firstIndex(of: "}") else {
            throw .invalid("unterminated ${ (write ${NAME})")
        }
        let name = String(chars[(index + 2)..<close])
        guard let first = name.first, first.isLetter || first == "_",
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        else {
            throw .invalid("\"${\(name)}\" is not a variable reference (names are letters, digits and _)")
        }
        guard looking else {
            index = close + 1
            return ""
        }
        guard let value = variable(name) else {
            throw .invalid("undefined variable ${\(name)} (define it with `set \(name) VALUE` or in the environment)")
        }
        index = close + 1
        return value
    }

    private func removeContinuations(_ chars: [Character]) -> [Character] {
        var result: [Character] = []
        result.reserveCapacity(chars.count)
        var index = 0
        var quote: Character?
        while index < chars.count {
            let char = chars[index]
            if quote == nil, char == "\\", index + 1 < chars.count, chars[index + 1] == "\n" {
                index += 2
                continue
            }
            if char == "\\", quote != "'", index + 1 < chars.count {
                result.append(char)
                result.append(chars[index + 1])
                index += 2
                continue
            }
            if char == "'" || char == "\"" {
                if quote == nil { quote = char } else if quote == char { quote = nil }
            }
            result.append(char)
            index += 1
        }
        return result
    }
}

/// Why a line could not be split into words.
public enum TokenizerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line ends inside a quote or after a backslash: more input may complete it.
    case incomplete(String)
    /// The line is wrong whatever follows.
    case invalid(String)

    public var description: String {
        switch self {
        case .incomplete(let reason), .invalid(let reason): reason
        }
    }
}
