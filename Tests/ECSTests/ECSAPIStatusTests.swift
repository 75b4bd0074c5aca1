import ECS
import ECSEmulator
import Testing

struct ECSAPIStatusTests {
    @Test func statusesAreTheAPIs() {
        #expect(Set(ECSAPI.diskStatuses) == ["In_use", "Available", "Attaching", "Detaching", "Creating", "ReIniting"])
        #expect(ECSAPI.instanceStatuses == ["Pending", "Running", "Starting", "Stopping", "Stopped"])
    }

    /// The lists and the emulator's states cannot drift apart.
    @Test func statusesAreTheEmulators() {
        #expect(Set(ECSAPI.diskStatuses) == Set(DiskStatus.allCases.map(\.rawValue)))
        #expect(Set(ECSAPI.instanceStatuses) == Set(InstanceStatus.allCases.map(\.rawValue)))
    }
}
