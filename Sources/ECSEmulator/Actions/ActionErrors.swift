/// The errors the action handlers answer with: HTTP status, `Code` and `Message` exactly as ECS's.
///
/// ReInitDisk's come from its API document's error table; the others from the documents of the actions
/// that use them. Where ECS gives one code a message per action (`InstanceLockedForSecurity`), each
/// action's own message is used.
enum ActionErrors {
    // MARK: Parameters (any action)

    /// A required parameter is absent or empty.
    static func missingParameter(_ name: String) -> APIError {
        APIError(
            code: "MissingParameter",
            message: "The input parameter \"\(name)\" that is mandatory for processing this request is not supplied.",
            httpStatus: 400)
    }

    /// A parameter is not of its type (a boolean, a number in range) or not one of its values.
    static func invalidParameter(_ name: String, _ detail: String? = nil) -> APIError {
        let message = "The specified parameter \"\(name)\" is not valid."
        return APIError(
            code: "InvalidParameter", message: detail.map { "\(message) \($0)" } ?? message, httpStatus: 400)
    }

    /// `DryRun=true`: every check passed, nothing is done (400, as ECS answers).
    static let dryRunOperation = APIError(
        code: "DryRunOperation", message: "Request validation has been passed with DryRun flag set.", httpStatus: 400)

    /// A `RegionId` that is not one of the world's (Describe* and the instance actions).
    static let regionNotFound = APIError(
        code: "InvalidRegionId.NotFound", message: "The specified RegionId does not exist.", httpStatus: 404)

    static let zoneNotFound = APIError(
        code: "InvalidZoneId.NotFound", message: "The zoneId provided does not exist in our records.", httpStatus: 400)

    // MARK: ReInitDisk (the error table of its API document, plus InvalidOperation.MultiAttachDisk)

    static let diskNotFound = APIError(
        code: "InvalidDiskId.NotFound", message: "The specified disk does not exist.", httpStatus: 404)
    static let incorrectDiskStatus = APIError(
        code: "IncorrectDiskStatus", message: "The current disk status does not support this operation.",
        httpStatus: 403)
    static let incorrectInstanceStatus = APIError(
        code: "IncorrectInstanceStatus", message: "The current status of the resource does not support this operation.",
        httpStatus: 403)
    static let instanceLockedForSecurity = APIError(
        code: "InstanceLockedForSecurity", message: "The instance is locked due to security.", httpStatus: 403)
    static let snapshotTooOld = APIError(
        code: "InvalidSnapshot.TooOld",
        message:
            "The disk is created from a snapshotId made before 2013-07-15, it cannot be re-initiated the specified disk any more since the detached first time.",
        httpStatus: 403)
    static let operationDenied = APIError(
        code: "OperationDenied", message: "The snapshot which is used to create the specified disk has been deleted.",
        httpStatus: 403)
    static let instanceExpiredOrInArrears = APIError(
        code: "InstanceExpiredOrInArrears",
        message:
            "The specified operation is denied as your prepay instance is expired (prepay mode) or in arrears (afterpay mode).",
        httpStatus: 403)
    static let diskCreatingSnapshot = APIError(
        code: "DiskCreatingSnapshot",
        message: "The operation is denied due to a snapshot of the specified disk is not completed yet.",
        httpStatus: 403)
    static let invalidSourceSnapshot = APIError(
        code: "InvalidSourceSnapshot",
        message: "The snapshot which is used to create the specified disk has been deleted.", httpStatus: 403)
    static let imageNotFound = APIError(
        code: "InvalidImageId.NotFound", message: "The specified ImageId does not exist.", httpStatus: 404)
    static let sharedImageDeleted = APIError(
        code: "SharedImageDeleted", message: "The specified image by others shared is deleted.", httpStatus: 403)
    static let passwordMalformed = APIError(
        code: "InvalidPassword.Malformed", message: "The specified parameter \"Password\" is not valid.",
        httpStatus: 400)
    static let diskCategoryNotSupported = APIError(
        code: "DiskCategory.OperationNotSupported",
        message: "The operation is not supported to the specified disk due to its disk category", httpStatus: 400)
    static let keyPairNotFound = APIError(
        code: "InvalidKeyPairName.NotFound", message: "The specified KeyPairName does not exist.", httpStatus: 400)
    static let ioOptimizeViolation = APIError(
        code: "DependencyViolation.IoOptimize", message: "The specified parameter InstanceId is not valid.",
        httpStatus: 400)
    static let userNotInWhiteList = APIError(
        code: "UserNotInTheWhiteList", message: "The user is not in volume white list.", httpStatus: 403)
    static let regionIdMalformed = APIError(
        code: "InvalidRegionId.MalFormed", message: "The specified RegionId is not valid", httpStatus: 400)
    static let diskImageMissing = APIError(
        code: "InvalidDiskId.OperationNotSupported", message: "The operation is not supported due to image not exist.",
        httpStatus: 404)
    static let multiAttachDisk = APIError(
        code: "InvalidOperation.MultiAttachDisk", message: "Multi attach disk does not support this operation.",
        httpStatus: 403)

    // MARK: StartInstance, StopInstance

    static let instanceNotFound = APIError(
        code: "InvalidInstanceId.NotFound", message: "The specified InstanceId does not exist.", httpStatus: 404)
    /// StartInstance's and StopInstance's wording of the security lock.
    static let instanceLockedForSecurityReasons = APIError(
        code: "InstanceLockedForSecurity",
        message: "The specified operation is denied as your instance is locked for security reasons.",
        httpStatus: 403)

    // MARK: DescribeDisks

    static let diskTypeNotSupported = APIError(
        code: "InvalidDiskType.ValueNotSupported", message: "The specified disk type is not supported.",
        httpStatus: 400)
    static let diskCategoryValueNotSupported = APIError(
        code: "InvalidCategory.ValueNotSupported", message: "The specified disk category is not supported.",
        httpStatus: 400)
    static let diskStatusNotSupported = APIError(
        code: "InvalidStatus.ValueNotSupported", message: "The specified disk status is not supported.",
        httpStatus: 400)
    static let diskIdsNotValid = APIError(
        code: "InvalidParameter.DiskIds", message: "The specified parameter diskIds is not valid.", httpStatus: 400)
    static let tooManyDiskIds = APIError(
        code: "InvalidDiskIds.Malformed", message: "The amount of specified disk Ids exceeds the limit.",
        httpStatus: 403)

    // MARK: DescribeInstances

    static let instanceIdsMalformed = APIError(
        code: "InvalidInstanceIds.Malformed", message: "The specified InstanceIds is not valid.", httpStatus: 400)
    static let instanceStatusNotFound = APIError(
        code: "InvalidStatus.NotFound", message: "The specified Status is not found", httpStatus: 404)
    static let instanceChargeTypeNotFound = APIError(
        code: "InvalidInstanceChargeType.NotFound", message: "The InstanceChargeType does not exist in our records",
        httpStatus: 404)
}
