extension World {
    /// The checks decoding cannot make: unique ids, references that resolve, states that fit together.
    ///
    /// What may dangle on purpose: a disk's `ImageId` and `SourceSnapshotId`, and an instance's `ImageId`
    /// (a missing record is how a world shows an image or snapshot that is gone for good).
    func validate() throws(WorldError) {
        try unique(accounts.map(\.accessKeyId), list: "Accounts", field: "AccessKeyId")
        try unique(regions.map(\.regionId), list: "Regions", field: "RegionId")
        try unique(regions.flatMap { region in region.zones.map { "\(region.regionId)/\($0)" } }, list: "", field: "")
        try unique(images.map { "\($0.regionId)/\($0.imageId)" }, list: "Images", field: "ImageId")
        try unique(snapshots.map(\.snapshotId), list: "Snapshots", field: "SnapshotId")
        try unique(keyPairs.map { "\($0.regionId)/\($0.keyPairName)" }, list: "KeyPairs", field: "KeyPairName")
        try unique(instances.map(\.instanceId), list: "Instances", field: "InstanceId")
        try unique(disks.map(\.diskId), list: "Disks", field: "DiskId")

        for (index, region) in regions.enumerated() where region.zones.isEmpty {
            throw WorldError(.invalidValue, "Regions[\(index)] (\(region.regionId)): Zones must name at least one zone")
        }
        for (index, image) in images.enumerated() {
            try knownRegion(image.regionId, at: "Images[\(index)] (\(image.imageId))")
        }
        for (index, snapshot) in snapshots.enumerated() {
            try knownRegion(snapshot.regionId, at: "Snapshots[\(index)] (\(snapshot.snapshotId))")
        }
        for (index, keyPair) in keyPairs.enumerated() {
            try knownRegion(keyPair.regionId, at: "KeyPairs[\(index)] (\(keyPair.keyPairName))")
        }
        for (index, instance) in instances.enumerated() {
            try validate(instance, at: "Instances[\(index)] (\(instance.instanceId))")
        }
        for (index, disk) in disks.enumerated() {
            try validate(disk, at: "Disks[\(index)] (\(disk.diskId))")
        }
        for (name, seconds) in [
            ("ReInitSeconds", timing.reInitSeconds), ("StartSeconds", timing.startSeconds),
            ("StopSeconds", timing.stopSeconds),
        ] where !(seconds >= 0 && seconds.isFinite) {
            throw WorldError(.invalidValue, "Timing: \(name) must be zero or more seconds")
        }
    }

    private func validate(_ instance: Instance, at place: String) throws(WorldError) {
        guard instance.instanceId.hasPrefix("i-") else {
            throw WorldError(.invalidValue, "\(place): InstanceId \"\(instance.instanceId)\" must start with \"i-\"")
        }
        try knownZone(instance.zoneId, region: instance.regionId, at: place)
        let status = instance.lifecycle.storedStatus
        if !instance.lifecycle.everStarted, status == .running || status == .stopping {
            throw WorldError(.invalidValue, "\(place): EverStarted is false but Status is \(status.rawValue)")
        }
        if instance.lifecycle.endsAt != nil, status != .starting, status != .stopping {
            throw WorldError(
                .invalidValue,
                "\(place): TransitionEndTime applies to Starting and Stopping only, not \(status.rawValue)")
        }
    }

    private func validate(_ disk: Disk, at place: String) throws(WorldError) {
        guard disk.diskId.hasPrefix("d-") else {
            throw WorldError(.invalidValue, "\(place): DiskId \"\(disk.diskId)\" must start with \"d-\"")
        }
        try knownZone(disk.zoneId, region: disk.regionId, at: place)
        guard disk.size > 0 else { throw WorldError(.invalidValue, "\(place): Size must be at least 1 (GiB)") }
        let status = disk.lifecycle.storedStatus
        if disk.lifecycle.endsAt != nil, status != .reIniting {
            throw WorldError(
                .invalidValue, "\(place): TransitionEndTime applies to ReIniting only, not \(status.rawValue)")
        }
        if disk.type == .system, disk.imageId == nil {
            throw WorldError(.missingField, "\(place): a system disk needs an ImageId")
        }
        guard let instanceId = disk.instanceId else {
            if status.isAttached || status == .attaching {
                throw WorldError(.missingField, "\(place): Status \(status.rawValue) needs an InstanceId")
            }
            return
        }
        if status == .available || status == .creating {
            throw WorldError(
                .invalidValue, "\(place): an \(status.rawValue) disk is not attached, so it has no InstanceId")
        }
        guard let instance = instances.first(where: { $0.instanceId == instanceId }) else {
            throw WorldError(.unknownReference, "\(place): InstanceId \"\(instanceId)\" is not one of the Instances")
        }
        guard instance.regionId == disk.regionId, instance.zoneId == disk.zoneId else {
            throw WorldError(
                .invalidValue,
                "\(place): ZoneId \(disk.zoneId) differs from the zone of its instance \(instanceId) (\(instance.zoneId))"
            )
        }
        if disk.type == .system,
            let other = disks.first(where: {
                $0.type == .system && $0.instanceId == instanceId && $0.diskId != disk.diskId
            })
        {
            throw WorldError(
                .invalidValue, "\(place): instance \(instanceId) already has the system disk \(other.diskId)")
        }
    }

    private func knownRegion(_ regionId: String, at place: String) throws(WorldError) {
        guard region(regionId) == nil else { return }
        let known = regions.map(\.regionId).joined(separator: ", ")
        throw WorldError(
            .unknownReference, "\(place): RegionId \"\(regionId)\" is not one of the Regions (\(known))")
    }

    private func knownZone(_ zoneId: String, region regionId: String, at place: String) throws(WorldError) {
        try knownRegion(regionId, at: place)
        guard let region = region(regionId), !region.zones.contains(zoneId) else { return }
        throw WorldError(
            .unknownReference,
            "\(place): ZoneId \"\(zoneId)\" is not a zone of \(regionId) (\(region.zones.joined(separator: ", ")))")
    }

    /// Throws at the second use of a key; `list` and `field` name it (`""` for zones, keyed `region/zone`).
    private func unique(_ keys: [String], list: String, field: String) throws(WorldError) {
        var firstIndex: [String: Int] = [:]
        for (index, key) in keys.enumerated() {
            guard let first = firstIndex[key] else {
                firstIndex[key] = index
                continue
            }
            let id = key.split(separator: "/", maxSplits: 1).last.map(String.init) ?? key
            if list.isEmpty {
                throw WorldError(.duplicateId, "Regions: zone \"\(id)\" is listed twice")
            }
            throw WorldError(
                .duplicateId, "\(list)[\(index)] (\(id)): \(field) \"\(id)\" is already used by \(list)[\(first)]")
        }
    }
}
