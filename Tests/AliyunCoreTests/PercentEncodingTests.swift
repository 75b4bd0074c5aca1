import AliyunCore
import Testing

struct PercentEncodingTests {
    @Test(arguments: [
        ("abcXYZ019-_.~", "abcXYZ019-_.~"),
        ("a b", "a%20b"),
        ("*", "%2A"),
        ("~", "~"),
        ("+", "%2B"),
        ("/", "%2F"),
        (":", "%3A"),
        ("=&", "%3D%26"),
        ("%", "%25"),
        ("é", "%C3%A9"),
        ("杭州", "%E6%9D%AD%E5%B7%9E"),
        ("😀", "%F0%9F%98%80"),
        ("", ""),
        ("EcsV587!", "EcsV587%21"),
        ("[\"d-1\",\"d-2\"]", "%5B%22d-1%22%2C%22d-2%22%5D"),
    ])
    func encodes(_ input: String, _ expected: String) {
        #expect(percentEncode(input) == expected)
    }

    @Test func canonicalQuerySortsByEncodedNameAndKeepsEmptyValues() {
        let query = canonicalQueryString(["b": "2", "a": "", "B": "x y", "a_": "*"])
        #expect(query == "B=x%20y&a=&a_=%2A&b=2")
    }

    @Test(arguments: [
        ("a=1&b=x+y", [("a", "1"), ("b", "x y")]),
        ("a=%2A%20%2B&empty=&flag", [("a", "* +"), ("empty", ""), ("flag", "")]),
        ("n%C3%A9=%E6%9D%AD", [("né", "杭")]),
        ("", []),
        ("&&a=1&", [("a", "1")]),
        ("x=a=b", [("x", "a=b")]),
    ])
    func formDecodes(_ input: String, _ expected: [(String, String)]) throws {
        let decoded = try formDecode(input)
        #expect(decoded.map(\.name) == expected.map(\.0))
        #expect(decoded.map(\.value) == expected.map(\.1))
    }

    @Test(arguments: ["a=%", "a=%2", "a=%zz", "%G0=1", "a=%C3%28", "a=%FF"])
    func rejectsMalformedPercentEncoding(_ input: String) {
        #expect(throws: FormDecodingError.self) { try formDecode(input) }
    }

    @Test(arguments: ["a b*~+/:é杭😀", "Password=EcsV587!&x", "%20%"])
    func formDecodingInvertsPercentEncoding(_ value: String) throws {
        let decoded = try formDecode("k=" + percentEncode(value))
        #expect(decoded.first?.value == value)
    }
}
