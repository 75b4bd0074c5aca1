import AliyunCore
import Foundation
import Testing

struct JSONValueTests {
    @Test(arguments: [
        (#"true"#, JSONValue.bool(true)),
        (#"false"#, .bool(false)),
        (#"0"#, .integer(0)),
        (#"1"#, .integer(1)),
        (#"-3"#, .integer(-3)),
        (#"40"#, .integer(40)),
        (#"1.5"#, .double(1.5)),
        (#"1e3"#, .double(1000)),
        (#"18446744073709551615"#, .double(18_446_744_073_709_551_616)),
        (#""x""#, .string("x")),
        (#"null"#, .null),
        (#"[1,true,"a",null]"#, .array([.integer(1), .bool(true), .string("a"), .null])),
        (
            #"{"Disks":{"Disk":[{"Size":40,"Portable":false,"DiskName":"杭州"}]},"TotalCount":1}"#,
            .object([
                "Disks": .object([
                    "Disk": .array([
                        .object(["Size": .integer(40), "Portable": .bool(false), "DiskName": .string("杭州")])
                    ])
                ]),
                "TotalCount": .integer(1),
            ])
        ),
    ])
    func parses(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONValue.parse(Data(text.utf8)) == expected)
    }

    @Test(arguments: ["", "{", "<html>", "{\"a\":}", "[1,]x"])
    func rejectsWhatIsNotJSON(_ text: String) {
        #expect(throws: (any Error).self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test func serialisesAndParsesBack() throws {
        let value = JSONValue.object([
            "a": .array([.integer(1), .double(2.5), .bool(true), .null, .string("x/y")])
        ])
        #expect(try JSONValue.parse(Data(value.serialized().utf8)) == value)
        #expect(value.serialized() == #"{"a":[1,2.5,true,null,"x/y"]}"#)
    }
}
