import ECS
import Testing

struct PasswordRuleDescriptionTests {
    @Test(arguments: [
        (PasswordRule.Problem.tooShort(6), "too short: 6 characters, at least 8 are needed", "太短：6 个字符，至少需要 8 个"),
        (.tooShort(1), "too short: 1 character, at least 8 are needed", "太短：1 个字符，至少需要 8 个"),
        (.tooLong(31), "too long: 31 characters, at most 30 are allowed", "太长：31 个字符，最多允许 30 个"),
        (
            .forbiddenCharacter(position: 5, .space),
            "character 5 is a space, which is not allowed: use letters, digits and ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/",
            "第 5 个字符是空格，不允许使用：请只用字母、数字和 ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/"
        ),
        (
            .tooFewKinds(missing: [.digit, .special]),
            "uses 2 of the 4 kinds (upper case, lower case, digits, specials): at least 3 are needed"
                + " — missing: digits, specials",
            "只用了 4 类字符（大写字母、小写字母、数字、特殊符号）中的 2 类：至少需要 3 类——缺少：数字、特殊符号"
        ),
        (
            .leadingSlashOnWindows,
            "starts with \"/\", which a Windows instance does not accept: put another character first",
            "以斜线（/）开头，Windows 实例不接受：请换一个首字符"
        ),
    ])
    func descriptions(_ problem: PasswordRule.Problem, _ english: String, _ chinese: String) {
        #expect(problem.description(language: .en) == english)
        #expect(problem.description(language: .zh) == chinese)
    }

    /// Whatever is wrong, the description names it without repeating the password or a piece of it.
    @Test(arguments: [
        "Xq", "Xq7#Zr", "Xq7#Zr9!Xq7#Zr9!Xq7#Zr9!Xq7#Zr9!", "Xq7 Zr9!w", "Xq7Zr9!w\"", "Xq7Zr9!w\\", "Xq7Zr9!wé",
        "Xq7Zr9!w\t", "zqxjkvzqxj", "ZQXJ!!!!!", "/Xq7Zr9!w",
    ])
    func descriptionsDoNotContainThePassword(_ password: String) throws {
        let problem = try #require(PasswordRule.problem(with: password, windows: true))
        for language in Language.allCases {
            let text = problem.description(language: language)
            #expect(!text.contains(password))
            // No run of three of the password's characters either (the specials list aside).
            let characters = Array(password)
            for start in 0..<max(0, characters.count - 2) {
                let piece = String(characters[start..<start + 3])
                #expect(!text.replacing(PasswordRule.specials, with: "").contains(piece))
            }
        }
    }
}
