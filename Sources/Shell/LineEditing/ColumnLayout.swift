/// Candidates laid out in columns as `ls` and bash do: down the columns first, as many columns as fit.
enum ColumnLayout {
    /// Lines to print for `items` on a terminal `width` characters wide; at least one column.
    static func lines(for items: [String], width: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        let columnWidth = (items.map(\.count).max() ?? 0) + 2
        let columns = max(1, min(items.count, (width + 2) / columnWidth))
        let rows = (items.count + columns - 1) / columns
        return (0..<rows).map { row in
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < items.count else { break }
                let item = items[index]
                let isLast = column == columns - 1 || index + rows >= items.count
                line += isLast ? item : item + String(repeating: " ", count: columnWidth - item.count)
            }
            return line
        }
    }
}
