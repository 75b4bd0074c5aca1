import AliyunCore
import ECSEmulator
import Foundation
import TestSupport
import Testing

/// Eight clients at once against one `ecsh serve`, each with its own libcurl connection: no request is
/// lost, no update is lost or torn, and the mutation log tells exactly what the clients were told.
///
/// The world has four Running instances, each with a system disk, and transitions that take no time
/// (Timing 0/0/0, fixed clock): StopInstance turns an instance Stopped at once, StartInstance and
/// ReInitDisk with AutoStartInstance turn it Running at once. So for each instance the successful calls
/// must alternate stop, start-or-reinit, stop, …, whatever the interleaving; two clients both winning
/// one transition would break the count.
@Suite(.timeLimit(.minutes(1)))
struct EmulatorServerConcurrencyTests {
    static let clients = 8
    static let callsPerClient = 1000
    static let instances = (0..<4).map { "i-bp1concurrent00\($0)" }
    static let disks = (0..<4).map { "d-bp1concurrent00\($0)" }

    /// One call and what its client was told.
    struct Record: Sendable {
        var action: String
        /// The instance (or disk) index acted on; `nil` for reads.
        var target: Int?
        var requestId: String?
        /// `Success` or the error code.
        var code: String
    }

    static func world() throws -> World {
        let image = "aliyun_3_x64_20G_alibase_20240819.vhd"
        let instances = instances.map { id in
            """
            {"InstanceId":"\(id)","RegionId":"cn-hangzhou","ZoneId":"cn-hangzhou-h","Status":"Running",
             "OSType":"linux","InstanceChargeType":"PostPaid"}
            """
        }
        let disks = zip(disks, instances.indices).map { id, index in
            """
            {"DiskId":"\(id)","RegionId":"cn-hangzhou","ZoneId":"cn-hangzhou-h","Type":"system",
             "Category":"cloud_essd","Size":40,"Status":"In_use","InstanceId":"\(Self.instances[index])",
             "ImageId":"\(image)"}
            """
        }
        let text = """
            {"Accounts":[{"AccessKeyId":"sandbox","AccessKeySecret":"sandbox-secret","InWhiteList":true}],
             "Regions":[{"RegionId":"cn-hangzhou","LocalName":"Hangzhou","Zones":["cn-hangzhou-h"]}],
             "Images":[{"ImageId":"\(image)","RegionId":"cn-hangzhou","OSType":"linux","ImageOwnerAlias":"system"}],
             "Instances":[\(instances.joined(separator: ","))],
             "Disks":[\(disks.joined(separator: ","))],
             "Timing":{"ReInitSeconds":0,"StartSeconds":0,"StopSeconds":0}}
            """
        return try World.load(from: Data(text.utf8))
    }

    @Test func eightClientsAThousandCallsEachLoseNothing() async throws {
        let directory = try TemporaryHome()
        defer { directory.remove() }
        let logPath = directory.path + "/serve.log"
        let served = try ServedEmulator(
            world: Self.world(), clock: FixedClock(iso8601: "2024-06-01T00:00:00Z"), logPath: logPath)

        let records = try await withThrowingTaskGroup(of: [Record].self) { group in
            for index in 0..<Self.clients {
                group.addTask {
                    // Any failure that is not an answer (a lost request) ends the test with that error.
                    try await Self.run(
                        served.client(signatureVersion: index.isMultiple(of: 2) ? .v3 : .v1),
                        seed: UInt64(index + 1))
                }
            }
            var all: [Record] = []
            for try await records in group { all += records }
            return all
        }

        // Every request reached the server once, and was answered once.
        #expect(records.count == Self.clients * Self.callsPerClient)
        #expect(served.server.emulator.rememberedNonceCount == Self.clients * Self.callsPerClient)
        #expect(Set(records.compactMap(\.requestId)).count == records.count)
        #expect(Set(records.map(\.code)).isSubset(of: ["Success", "IncorrectInstanceStatus"]))

        // The log has one whole line per mutating call, saying what its client was told.
        let lines = try logLines(logPath)
        let mutating = records.filter { $0.target != nil }
        #expect(lines.count == mutating.count)
        let logged = Dictionary(
            lines.map { ($0["RequestId"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        for record in mutating {
            let line = try #require(logged[record.requestId ?? ""], "no log line for \(record.action)")
            #expect(line["Action"] == .string(record.action))
            #expect(line["Code"] == .string(record.code))
        }

        // Per instance: successful stops and starts alternate, and the final status follows from them.
        for (index, instanceId) in Self.instances.enumerated() {
            func successes(_ action: String) -> Int {
                lines.filter {
                    $0["Action"] == .string(action) && $0["Code"] == .string("Success")
                        && ($0["Parameters"]?["InstanceId"] == .string(instanceId)
                            || $0["Parameters"]?["DiskId"] == .string(Self.disks[index]))
                }.count
            }
            let stops = successes("StopInstance")
            let starts = successes("StartInstance") + successes("ReInitDisk")
            #expect(stops - starts == 0 || stops - starts == 1, "\(instanceId): \(stops) stops, \(starts) starts")
            #expect(served.instanceStatus(instanceId) == (stops == starts ? .running : .stopped))
            #expect(served.diskStatus(Self.disks[index]) == .inUse)
            // Enough happened for the count to mean something.
            #expect(stops >= 20 && successes("ReInitDisk") >= 5 && successes("StartInstance") >= 5)
        }
    }

    /// One client's calls: a reproducible mix of reads, stops, starts and re-initialisations.
    static func run(_ client: RPCClient, seed: UInt64) async throws -> [Record] {
        var random = TestRandom(seed: seed)
        var records: [Record] = []
        records.reserveCapacity(callsPerClient)
        for _ in 0..<callsPerClient {
            let target = Int.random(in: 0..<instances.count, using: &random)
            let (action, parameters, acted): (String, [String: String], Int?) =
                switch Int.random(in: 0..<5, using: &random) {
                case 0: ("DescribeDisks", ["RegionId": "cn-hangzhou", "DiskIds": #"["\#(disks[target])"]"#], nil)
                case 1:
                    (
                        "DescribeInstances", ["RegionId": "cn-hangzhou", "InstanceIds": #"["\#(instances[target])"]"#],
                        nil
                    )
                case 2: ("StopInstance", ["InstanceId": instances[target]], target)
                case 3: ("StartInstance", ["InstanceId": instances[target]], target)
                default: ("ReInitDisk", ["DiskId": disks[target], "AutoStartInstance": "true"], target)
                }
            do {
                let result = try await client.call(action, parameters: parameters)
                try checkRead(action, result)
                records.append(
                    Record(action: action, target: acted, requestId: result["RequestId"]?.stringValue, code: "Success"))
            } catch let error as ServiceError {
                records.append(Record(action: action, target: acted, requestId: error.requestId, code: error.code))
            }
        }
        return records
    }

    /// A read sees whole states only: its instance Running or Stopped, its disk In_use.
    static func checkRead(_ action: String, _ result: JSONValue) throws {
        switch action {
        case "DescribeInstances":
            guard case .array(let items)? = result["Instances"]?["Instance"] else {
                throw TornRead(detail: "no instance list")
            }
            let statuses = Set(items.compactMap { $0["Status"]?.stringValue })
            guard items.count == 1, statuses.isSubset(of: ["Running", "Stopped"]) else {
                throw TornRead(detail: "instances \(items.count), statuses \(statuses)")
            }
        case "DescribeDisks":
            guard case .array(let items)? = result["Disks"]?["Disk"] else { throw TornRead(detail: "no disk list") }
            let statuses = Set(items.compactMap { $0["Status"]?.stringValue })
            guard items.count == 1, statuses == ["In_use"] else {
                throw TornRead(detail: "disks \(items.count), statuses \(statuses)")
            }
        default:
            break
        }
    }

    struct TornRead: Error, CustomStringConvertible {
        var detail: String
        var description: String { "a read saw a state no call leaves: \(detail)" }
    }
}

/// SplitMix64: a seeded generator, so that each client's mix of calls is the same on every run.
struct TestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
