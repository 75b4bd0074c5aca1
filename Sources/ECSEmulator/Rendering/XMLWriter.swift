import AliyunCore

/// Writes a JSON response body as the XML that ECS sends for `Format=XML`.
///
/// An object becomes child elements in key order; an array becomes one element per item under the
/// array's own key, so `{"Disks":{"Disk":[a,b]}}` is `<Disks><Disk>…</Disk><Disk>…</Disk></Disks>`.
enum XMLWriter {
    static let declaration = "<?xml version='1.0' encoding='UTF-8'?>"

    /// A document with the declaration and one root element holding `members`, in the given order.
    static func document(root: String, members: [(name: String, value: JSONValue)]) -> String {
        var text = declaration
        let tag = elementName(root)
        text += "<\(tag)>"
        for member in members {
            append(member.value, named: member.name, to: &text)
        }
        text += "</\(tag)>"
        return text
    }

    /// Escapes text content and attribute values: `& < > " '`. Characters XML 1.0 does not allow
    /// (most control characters) become U+FFFD, so the document stays parseable.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                escaped.unicodeScalars.append("\u{FFFD}")
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A usable element name: API keys are already names; in anything else, characters other than ASCII
    /// letters, digits, `_`, `-` and `.` become `_`, and a `_` goes first when it would not start a name.
    static func elementName(_ key: String) -> String {
        var name = String(
            String.UnicodeScalarView(
                key.unicodeScalars.map { isNameCharacter($0) ? $0 : "_" }))
        if let first = name.unicodeScalars.first, !isNameStart(first) {
            name = "_" + name
        }
        return name.isEmpty ? "_" : name
    }

    private static func append(_ value: JSONValue, named key: String, to text: inout String) {
        if case .array(let items) = value {
            for item in items {
                append(item, named: key, to: &text)
            }
            return
        }
        let tag = elementName(key)
        text += "<\(tag)>"
        switch value {
        case .null: break
        case .bool(let flag): text += flag ? "true" : "false"
        case .integer(let number): text += String(number)
        case .double(let number): text += escape(JSONValue.double(number).serialized())
        case .string(let string): text += escape(string)
        case .object(let members):
            for name in members.keys.sorted() {
                append(members[name]!, named: name, to: &text)
            }
        case .array: break  // handled above
        }
        text += "</\(tag)>"
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
    }
}
