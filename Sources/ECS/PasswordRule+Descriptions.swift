extension PasswordRule.Problem {
    /// One line naming what is wrong and what is accepted, e.g. "too short: 6 characters, at least 8 are
    /// needed". Never contains the password: a bad character is named by its position and kind.
    public func description(language: Language) -> String {
        let lengths = PasswordRule.lengths
        let allowed = PasswordRule.specials
        switch (self, language) {
        case (.tooShort(let count), .en):
            return
                "too short: \(count) \(count == 1 ? "character" : "characters"), at least \(lengths.lowerBound) are needed"
        case (.tooShort(let count), .zh):
            return "太短：\(count) 个字符，至少需要 \(lengths.lowerBound) 个"
        case (.tooLong(let count), .en):
            return "too long: \(count) characters, at most \(lengths.upperBound) are allowed"
        case (.tooLong(let count), .zh):
            return "太长：\(count) 个字符，最多允许 \(lengths.upperBound) 个"
        case (.forbiddenCharacter(let position, let kind), .en):
            return "character \(position) is \(kind.name(language: .en)), which is not allowed: "
                + "use letters, digits and \(allowed)"
        case (.forbiddenCharacter(let position, let kind), .zh):
            return "第 \(position) 个字符是\(kind.name(language: .zh))，不允许使用：请只用字母、数字和 \(allowed)"
        case (.tooFewKinds(let missing), .en):
            return "uses \(PasswordRule.Kind.allCases.count - missing.count) of the 4 kinds "
                + "(upper case, lower case, digits, specials): at least \(PasswordRule.requiredKinds) are needed"
                + " — missing: \(missing.map { $0.name(language: .en) }.joined(separator: ", "))"
        case (.tooFewKinds(let missing), .zh):
            return "只用了 4 类字符（大写字母、小写字母、数字、特殊符号）中的 "
                + "\(PasswordRule.Kind.allCases.count - missing.count) 类：至少需要 \(PasswordRule.requiredKinds) 类"
                + "——缺少：\(missing.map { $0.name(language: .zh) }.joined(separator: "、"))"
        case (.leadingSlashOnWindows, .en):
            return "starts with \"/\", which a Windows instance does not accept: put another character first"
        case (.leadingSlashOnWindows, .zh):
            return "以斜线（/）开头，Windows 实例不接受：请换一个首字符"
        }
    }
}

extension PasswordRule.Kind {
    /// The kind's name in a problem's description (plural in English: "missing: digits").
    public func name(language: Language) -> String {
        switch (self, language) {
        case (.upperCase, .en): "upper case"
        case (.lowerCase, .en): "lower case"
        case (.digit, .en): "digits"
        case (.special, .en): "specials"
        case (.upperCase, .zh): "大写字母"
        case (.lowerCase, .zh): "小写字母"
        case (.digit, .zh): "数字"
        case (.special, .zh): "特殊符号"
        }
    }
}

extension PasswordRule.ForbiddenCharacter {
    /// The character's kind in words, e.g. "a space"; never the character of the password itself.
    public func name(language: Language) -> String {
        switch (self, language) {
        case (.space, .en): "a space"
        case (.control, .en): "a control character (a tab or a line break)"
        case (.nonASCII, .en): "a non-ASCII character (such as an accented letter or a Chinese character)"
        case (.doubleQuote, .en): "a double quote"
        case (.backslash, .en): "a backslash"
        case (.space, .zh): "空格"
        case (.control, .zh): "控制字符（制表符或换行）"
        case (.nonASCII, .zh): "非 ASCII 字符（如带重音的字母或汉字）"
        case (.doubleQuote, .zh): "双引号"
        case (.backslash, .zh): "反斜线"
        }
    }
}
