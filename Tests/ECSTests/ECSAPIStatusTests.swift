import ECS
import Testing

struct ECSAPIStatusTests {
    @Test func statusesAreTheAPIs() {
        #expect(Set(ECSAPI.diskStatuses) == ["In_use", "Available", "Attaching", "Detaching", "Creating", "ReIniting"])
        #expect(ECSAPI.instanceStatuses == ["Pending", "Running", "Starting", "Stopping", "Stopped"])
    }
}
