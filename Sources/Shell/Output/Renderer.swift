/// Turns a command result into text for one output format.
enum Renderer {
    static func render(_ result: CommandResult, as format: OutputFormat) -> String {
        switch format {
        case .json:
            return result.json.serialized() + "\n"
        case .text:
            return result.table.rows.map { $0.map(flatten).joined(separator: "\t") + "\n" }.joined()
        case .table:
            return result.isRecord ? record(result.table) : grid(result.table)
        }
    }

    /// Columns padded to their widest cell, a header underlined with dashes.
    static func grid(_ table: Table) -> String {
        guard !table.rows.isEmpty else { return "(none)\n" }
        let cells = [table.columns] + table.rows.map { $0.map(flatten) }
        var widths = [Int](repeating: 0, count: table.columns.count)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], displayWidth(cell))
            }
        }
        func line(_ row: [String]) -> String {
            let padded = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : pad(cell, to: widths[index])
            }
            return padded.joined(separator: "  ").trailingSpacesRemoved + "\n"
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        return line(table.columns) + line(rule) + table.rows.map { line($0.map(flatten)) }.joined()
    }

    /// `Field  value` lines, the field names padded to one width.
    static func record(_ table: Table) -> String {
        let width = table.rows.map { displayWidth($0.first ?? "") }.max() ?? 0
        return table.rows.map { row in
            let field = row.first ?? ""
            let value = row.dropFirst().first.map(flatten) ?? ""
            return (pad(field, to: width) + "  " + value).trailingSpacesRemoved + "\n"
        }.joined()
    }

    /// A cell on one line: newlines and tabs would break the layout.
    private static func flatten(_ text: String) -> String {
        text.replacing("\n", with: " ").replacing("\t", with: " ")
    }

    private static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - displayWidth(text)))
    }

    /// Columns a text takes in a terminal: CJK characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (isWide(scalar) ? 2 : 1)
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
