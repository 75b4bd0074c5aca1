/// Finding the instance StartInstance and StopInstance act on.
extension RequestParameters {
    /// The index of the instance named by `InstanceId` (required). A `RegionId`, when given, must be one of
    /// the world's (`InvalidRegionId.NotFound`) and hold the instance; an unknown or malformed id is
    /// `InvalidInstanceId.NotFound`.
    func instanceIndex(in world: World) throws(APIError) -> Int {
        let instanceId = try required("InstanceId")
        let regionId = text("RegionId")
        if let regionId, world.region(regionId) == nil { throw ActionErrors.regionNotFound }
        guard instanceId.hasPrefix("i-"), let index = world.instanceIndex(instanceId),
            regionId == nil || world.instances[index].regionId == regionId
        else { throw ActionErrors.instanceNotFound }
        return index
    }

}
