import Testing

@testable import Shell

@Suite struct ColumnLayoutTests {
    @Test func fillsDownTheColumnsFirst() {
        let lines = ColumnLayout.lines(for: ["a", "b", "c", "d", "e"], width: 9)
        // Column width 3: three columns fit in 9 characters (the last needs no gap).
        #expect(lines == ["a  c  e", "b  d"])
    }

    @Test func oneColumnWhenItemsAreWiderThanTheTerminal() {
        let long = String(repeating: "x", count: 100)
        #expect(ColumnLayout.lines(for: [long, "y"], width: 80) == [long, "y"])
    }

    @Test func oneLineWhenAllFit() {
        #expect(ColumnLayout.lines(for: ["reinit", "regions", "refresh"], width: 80) == ["reinit   regions  refresh"])
    }

    @Test func nothingForNoItems() {
        #expect(ColumnLayout.lines(for: [], width: 80).isEmpty)
    }

    @Test func everyLineFitsTheWidth() {
        let items = (1...50).map { "d-\(String(repeating: "z", count: $0 % 13))" }
        for width in [20, 40, 80, 120] {
            let lines = ColumnLayout.lines(for: items, width: width)
            #expect(lines.allSatisfy { $0.count <= width })
            #expect(lines.flatMap { $0.split(separator: " ").map(String.init) }.sorted() == items.sorted())
        }
    }
}
