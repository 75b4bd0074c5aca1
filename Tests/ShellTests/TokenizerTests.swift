import Shell
import Testing

struct TokenizerTests {
    let tokenizer = Tokenizer(variable: { ["REGION": "cn-shanghai", "EMPTY": "", "SPACE": "a b"][$0] })

    @Test(arguments: [
        ("use region cn-hangzhou", [["use", "region", "cn-hangzhou"]]),
        ("  reinit   d-1\td-2  ", [["reinit", "d-1", "d-2"]]),
        ("echo 'a  b' \"c d\"", [["echo", "a  b", "c d"]]),
        ("echo 'it''s'", [["echo", "its"]]),
        ("echo \"say \\\"hi\\\"\" 'a\\b'", [["echo", "say \"hi\"", "a\\b"]]),
        ("echo a\\ b \\#x", [["echo", "a b", "#x"]]),
        ("call DescribeDisks DiskIds='[\"d-1\",\"d-2\"]'", [["call", "DescribeDisks", "DiskIds=[\"d-1\",\"d-2\"]"]]),
        ("regions; disks ;; show session", [["regions"], ["disks"], ["show", "session"]]),
        ("disks # all of them", [["disks"]]),
        ("# only a comment", []),
        ("echo a#b", [["echo", "a#b"]]),
        ("use region ${REGION}", [["use", "region", "cn-shanghai"]]),
        ("echo \"${SPACE}\" ${SPACE}x", [["echo", "a b", "a bx"]]),
        ("echo '${REGION}'", [["echo", "${REGION}"]]),
        ("echo \"\\${REGION}\"", [["echo", "${REGION}"]]),
        ("echo '' \"\" ${EMPTY}", [["echo", "", "", ""]]),
        ("reinit d-1 \\\n  --wait", [["reinit", "d-1", "--wait"]]),
        ("echo 'a;b' \"c;d\" e\\;f", [["echo", "a;b", "c;d", "e;f"]]),
        ("echo 杭州 'é'", [["echo", "杭州", "é"]]),
        ("", []),
    ])
    func splits(_ line: String, _ expected: [[String]]) throws {
        #expect(try tokenizer.commands(in: line) == expected)
    }

    @Test(arguments: [
        ("echo 'abc", "unterminated single quote"),
        ("echo \"abc", "unterminated double quote"),
        ("reinit d-1 \\", "a trailing backslash continues the line"),
    ])
    func incompleteInputAsksForMore(_ line: String, _ reason: String) {
        #expect(throws: TokenizerError.incomplete(reason)) { try tokenizer.commands(in: line) }
    }

    @Test func continuationCompletesAnIncompleteLine() throws {
        #expect(try tokenizer.commands(in: "echo 'a\nb'") == [["echo", "a\nb"]])
    }

    @Test(arguments: [
        ("echo ${NOPE}", "undefined variable ${NOPE}"),
        ("echo ${1X}", "is not a variable reference"),
        ("echo ${A-B}", "is not a variable reference"),
        ("echo ${REGION", "unterminated ${"),
    ])
    func invalidInputNamesTheProblem(_ line: String, _ fragment: String) {
        #expect {
            try tokenizer.commands(in: line)
        } throws: { error in
            guard case .invalid(let message) = error as? TokenizerError else { return false }
            return message.contains(fragment)
        }
    }
}

struct TokenizerCommandTextsTests {
    @Test func commandTextsAreSplitButNotExpanded() throws {
        let texts = try Tokenizer().commandTexts(in: "set X 1; echo ${X} 'a;b' # c\n\necho \"${Y}\"")
        #expect(texts == ["set X 1", " echo ${X} 'a;b' # c", "echo \"${Y}\""])
    }

    @Test func commandTextsStillFindMistakes() {
        #expect(throws: TokenizerError.incomplete("unterminated single quote")) {
            try Tokenizer().commandTexts(in: "echo 'a")
        }
        #expect(throws: TokenizerError.self) { try Tokenizer().commandTexts(in: "echo ${1x}") }
    }
}
