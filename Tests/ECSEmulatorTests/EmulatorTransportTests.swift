import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

/// The in-process transport: a signed request in, the emulator's answer out, no socket.
struct EmulatorTransportTests {
    @Test func v1RoundTrip() async throws {
        let transport = EmulatorTransport(emulator: GatewayFixture.emulator())
        var request = GatewayFixture.v1(parameters: ["DiskId": "d-1", "AutoStartInstance": "True"])
        request.headers = [:]
        let response = try await transport.send(request)
        #expect(response.status == 200)
        #expect(try GatewayFixture.json(response)["Parameters"]?["AutoStartInstance"] == .string("True"))
    }

    @Test func v3RoundTrip() async throws {
        let transport = EmulatorTransport(emulator: GatewayFixture.emulator())
        let response = try await transport.send(GatewayFixture.v3(query: ["DiskId": "d-1"]))
        #expect(response.status == 200)
        #expect(try GatewayFixture.json(response)["Parameters"] == .object(["DiskId": .string("d-1")]))
    }

    /// A request without `Host` gets the URL's, port included: it shows in the error's `HostId`.
    @Test func hostComesFromTheURL() async throws {
        let transport = EmulatorTransport(emulator: GatewayFixture.emulator())
        let response = try await transport.send(
            HTTPRequest(method: "POST", url: "http://localhost:9999/?Action=ReInitDisk&Format=JSON"))
        #expect(response.status == 400)
        #expect(try GatewayFixture.errorFields(response)["HostId"] == "localhost:9999")
        let given = try await transport.send(
            HTTPRequest(method: "POST", url: "http://localhost:9999/?Format=JSON", headers: ["host": "ecs.example"]))
        #expect(try GatewayFixture.errorFields(given)["HostId"] == "ecs.example")
    }

    @Test func stateCarriesAcrossCalls() async throws {
        let emulator = Emulator(
            world: World(accounts: GatewayFixture.accounts), clock: FixedClock(GatewayFixture.now),
            handlers: [CountingHandler()])
        let transport = EmulatorTransport(emulator: emulator)
        for index in 0..<3 {
            let response = try await transport.send(
                GatewayFixture.v1(action: "Count", parameters: [:], nonce: "n\(index)"))
            #expect(try GatewayFixture.json(response)["Count"] == .integer(GatewayFixture.accounts.count + index))
        }
    }

    @Test(arguments: ["/?Action=X", "ftp://host/?a=1", "http:///?a", "not a url"])
    func urlsThatAreNotHTTPAreRefused(_ url: String) async {
        let transport = EmulatorTransport(emulator: GatewayFixture.emulator())
        await #expect(throws: TransportError.self) {
            try await transport.send(HTTPRequest(method: "GET", url: url))
        }
    }
}
