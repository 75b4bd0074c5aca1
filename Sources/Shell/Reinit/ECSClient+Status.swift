import ECS

/// The status of one disk or instance, as every waiting command polls it; nil when it is not found.
extension ECSClient {
    func status(ofDisk diskId: String, region: String) async throws -> String? {
        try await describeDisks(region: region, diskIds: [diskId]).first?.status
    }

    func status(ofInstance instanceId: String, region: String) async throws -> String? {
        try await describeInstances(region: region, instanceIds: [instanceId]).first?.status
    }
}
