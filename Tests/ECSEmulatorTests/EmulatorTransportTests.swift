import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

/// The in-process transport: a signed request in, the emulator's answer out, no socket.
struct EmulatorTransportTests {
    @Test func v1RoundTrip() async throws {
        let transport = EmulatorTransport(emulator: Fixture.emulator())
        var request = Fixture.v1(parameters: ["DiskId": "d-1", "AutoStartInstance": "True"])
        request.headers = [:]
        let response = try await transport.send(request)
        #expect(response.status == 200)
        #expect(try Fixture.json(response)["Parameters"]?["AutoStartInstance"] == .string("True"))
    }

    @Test func v3RoundTrip() async throws {
        let transport = EmulatorTransport(emulator: Fixture.emulator())
        let response = try await transport.send(Fixture.v3(query: ["DiskId": "d-1"]))
        #expect(response.status == 200)
        #expect(try Fixture.json(response)["Parameters"] == .object(["DiskId": .string("d-1")]))
    }

    /// A request without `Host` gets the URL's, port included: it shows in the error's `HostId`.
    @Test func hostComesFromTheURL() async throws {
        let transport = EmulatorTransport(emulator: Fixture.emulator())
        let response = try await transport.send(
            HTTPRequest(method: "POST", url: "http://localhost:9999/?Action=ReInitDisk&Format=JSON"))
        #expect(response.status == 400)
        #expect(try Fixture.errorFields(response)["HostId"] == "localhost:9999")
        let given = try await transport.send(
            HTTPRequest(method: "POST", url: "http://localhost:9999/?Format=JSON", headers: ["host": "ecs.example"]))
        #expect(try Fixture.errorFields(given)["HostId"] == "ecs.example")
    }

    @Test func stateCarriesAcrossCalls() async throws {
        let emulator = Emulator(
            world: World(accounts: Fixture.accounts), clock: FixedClock(Fixture.now), handlers: [CountingHandler()])
        let transport = EmulatorTransport(emulator: emulator)
        for index in 0..<3 {
            let response = try await transport.send(Fixture.v1(action: "Count", parameters: [:], nonce: "n\(index)"))
            #expect(try Fixture.json(response)["Count"] == .integer(Fixture.accounts.count + index))
        }
    }

    @Test(arguments: ["/?Action=X", "ftp://host/?a=1", "http:///?a", "not a url"])
    func urlsThatAreNotHTTPAreRefused(_ url: String) async {
        let transport = EmulatorTransport(emulator: Fixture.emulator())
        await #expect(throws: TransportError.self) {
            try await transport.send(HTTPRequest(method: "GET", url: url))
        }
    }
}
