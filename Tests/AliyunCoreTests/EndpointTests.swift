import AliyunCore
import Testing

struct EndpointTests {
    @Test(arguments: [
        ("cn-hangzhou", "https://ecs-cn-hangzhou.aliyuncs.com"),
        ("cn-shanghai", "https://ecs.cn-shanghai.aliyuncs.com"),
        ("cn-north-2-gov-1", "https://ecs.aliyuncs.com"),
        ("ap-southeast-1", "https://ecs.ap-southeast-1.aliyuncs.com"),
        ("cn-edge-1", "https://ecs.cn-qingdao-nebula.aliyuncs.com"),
    ])
    func regionalEndpoints(_ region: String, _ expected: String) {
        #expect(Endpoint.ecs(region: region).baseURL == expected)
    }

    @Test(arguments: [
        ("ecs.example.com", "https://ecs.example.com", "ecs.example.com", false),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080", "127.0.0.1:8080", true),
        ("HTTP://LocalHost:80/", "http://localhost:80", "localhost", true),
        ("https://ecs.example.com:443", "https://ecs.example.com:443", "ecs.example.com", false),
        ("http://[::1]:9000", "http://[::1]:9000", "[::1]:9000", true),
        ("10.0.0.1:8443", "https://10.0.0.1:8443", "10.0.0.1:8443", false),
        ("http://127.evil.example:80", "http://127.evil.example:80", "127.evil.example", false),
        ("http://127.0.0.1.example.com", "http://127.0.0.1.example.com", "127.0.0.1.example.com", false),
    ])
    func parsesWhatUsersType(_ text: String, _ baseURL: String, _ hostHeader: String, _ loopback: Bool) throws {
        let endpoint = try Endpoint(parsing: text)
        #expect(endpoint.baseURL == baseURL)
        #expect(endpoint.hostHeader == hostHeader)
        #expect(endpoint.isLoopback == loopback)
    }

    @Test(arguments: [
        ("ftp://host", "scheme \"ftp\""),
        ("http://host/path", "without path"),
        ("http://host:0", "port"),
        ("http://host:99999", "port"),
        ("http://host:x", "port"),
        ("", "not a host"),
        ("http://user@host", "without path"),
        ("http://ho st", "not a host"),
    ])
    func rejectsWhatIsNotAnEndpoint(_ text: String, _ reasonPart: String) {
        #expect {
            try Endpoint(parsing: text)
        } throws: { error in
            String(describing: error).contains(reasonPart) && String(describing: error).contains("invalid endpoint")
        }
    }
}
