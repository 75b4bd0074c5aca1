import AliyunCore
import Testing

@testable import Shell

struct RendererTests {
    let result = CommandResult(
        json: .object(["Disks": .array([.object(["DiskId": .string("d-1")])])]),
        table: Table(columns: ["DiskId", "Status"], rows: [["d-1", "In_use"], ["d-22222", "Available"]]))

    @Test func tablesPadColumnsUnderAHeader() {
        #expect(
            Renderer.render(result, as: .table) == """
                DiskId   Status
                -------  ---------
                d-1      In_use
                d-22222  Available

                """)
    }

    @Test func jsonIsOneLine() {
        #expect(Renderer.render(result, as: .json) == #"{"Disks":[{"DiskId":"d-1"}]}"# + "\n")
    }

    @Test func textIsTabSeparatedWithoutHeader() {
        #expect(Renderer.render(result, as: .text) == "d-1\tIn_use\nd-22222\tAvailable\n")
    }

    @Test func recordsAlignTheirFieldNames() {
        let record = CommandResult(json: .null, table: .record([("a", "1"), ("long", "2")]), isRecord: true)
        #expect(Renderer.render(record, as: .table) == "a     1\nlong  2\n")
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(Renderer.displayWidth("华东1") == 5)
    }

    @Test func anEmptyTableSaysSo() {
        #expect(
            Renderer.render(CommandResult(json: .null, table: Table(columns: ["A"], rows: [])), as: .table)
                == "(none)\n")
    }
}
