import ECSEmulator
import Foundation
import Testing

/// The lifecycles as pure state machines: no world, no handlers, no I/O.
struct WorldLifecycleTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func diskReInitialisesFromInUseOnly() {
        var disk = DiskLifecycle(status: .inUse)
        #expect(disk.reInit(at: t0, lasting: 5) == .began(.reIniting, until: t0 + 5))
        #expect(disk.status(at: t0) == .reIniting)
        #expect(disk.status(at: t0 + 4.999) == .reIniting)
        #expect(disk.status(at: t0 + 5) == .inUse)
        #expect(disk.reInit(at: t0 + 1, lasting: 5) == .refused(current: .reIniting))
        #expect(disk.reInit(at: t0 + 5, lasting: 5) == .began(.reIniting, until: t0 + 10))
    }

    @Test(arguments: [DiskStatus.available, .attaching, .detaching, .creating, .reIniting])
    func otherDiskStatusesRefuseAndLast(_ status: DiskStatus) {
        var disk = DiskLifecycle(status: status)
        #expect(disk.reInit(at: t0, lasting: 5) == .refused(current: status))
        #expect(disk.status(at: t0 + 1_000_000) == status)
    }

    @Test func zeroSecondsEndAtOnce() {
        var disk = DiskLifecycle(status: .inUse)
        _ = disk.reInit(at: t0, lasting: 0)
        #expect(disk.status(at: t0) == .inUse)
        var instance = InstanceLifecycle(status: .stopped, everStarted: true)
        _ = instance.start(at: t0, lasting: 0)
        #expect(instance.status(at: t0) == .running)
    }

    @Test func instanceRoundTrip() {
        var instance = InstanceLifecycle(status: .stopped, everStarted: false)
        #expect(instance.stop(at: t0, lasting: 3) == .refused(current: .stopped))
        #expect(instance.start(at: t0, lasting: 3) == .began(.starting, until: t0 + 3))
        #expect(instance.everStarted)
        #expect(instance.status(at: t0 + 2.999) == .starting)
        #expect(instance.status(at: t0 + 3) == .running)
        #expect(instance.start(at: t0 + 3, lasting: 3) == .refused(current: .running))
        #expect(instance.stop(at: t0 + 10, lasting: 3) == .began(.stopping, until: t0 + 13))
        #expect(instance.status(at: t0 + 12) == .stopping)
        #expect(instance.start(at: t0 + 12, lasting: 3) == .refused(current: .stopping))
        #expect(instance.status(at: t0 + 13) == .stopped)
        #expect(instance.start(at: t0 + 13, lasting: 3) == .began(.starting, until: t0 + 16))
    }

    @Test(arguments: [InstanceStatus.pending, .running, .starting, .stopping, .stopped])
    func storedStatusWithoutAnEndLasts(_ status: InstanceStatus) {
        let instance = InstanceLifecycle(status: status, everStarted: true)
        #expect(instance.status(at: t0 + 1_000_000) == status)
    }

    @Test func transitionalStatusesFromTheWorldFileEndOnTime() {
        #expect(InstanceLifecycle(status: .starting, endsAt: t0, everStarted: true).status(at: t0) == .running)
        #expect(InstanceLifecycle(status: .stopping, endsAt: t0, everStarted: true).status(at: t0) == .stopped)
        #expect(InstanceLifecycle(status: .pending, endsAt: t0, everStarted: false).status(at: t0) == .pending)
        #expect(DiskLifecycle(status: .reIniting, endsAt: t0).status(at: t0 - 1) == .reIniting)
    }
}
