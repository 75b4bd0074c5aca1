extension ErrorCatalogue {
    /// Codes of the calls around ReInitDisk (Describe*, Start/StopInstance) and of the API gateway.
    static let commonEntries: [String: Entry] = [
        "MissingParameter": Entry(
            "A parameter the action needs was not sent.",
            "The message names it: with `call`, add it as Name=Value; with `reinit`, give the disk id.",
            zh: "没有传入该操作必需的参数。",
            "错误信息中写明了参数名：使用 `call` 时以 Name=Value 补上；使用 `reinit` 时请给出云盘 ID。"),
        "InvalidParameter": invalidParameter,
        "InvalidRegionId.NotFound": Entry(
            "The region does not exist, or is not open to this account.",
            "List the regions with `regions` and switch with `use region ID`; `show session` shows the one in use.",
            zh: "该地域不存在，或未对此账号开放。",
            "用 `regions` 列出地域，再用 `use region ID` 切换；`show session` 可查看当前使用的地域。"),
        "InvalidZoneId.NotFound": Entry(
            "The zone does not exist in the region.",
            "`regions` lists the regions; give a zone of the region in use (`show session`).",
            zh: "该可用区不在此地域中。",
            "`regions` 可列出地域；请给出当前地域（`show session`）中的可用区。"),
        "InvalidInstanceId.NotFound": Entry(
            "No instance with this id exists in the region.",
            "Check the id with `instances` or `instance ID`; if it is in another region, switch with `use region ID`.",
            zh: "该地域中没有这个 ID 的实例。",
            "用 `instances` 或 `instance ID` 核对实例 ID；如果实例在其他地域，用 `use region ID` 切换。"),
        "InvalidStatus.ValueNotSupported": Entry(
            "The status asked for is not a disk status.",
            "Use one of \(ECSAPI.diskStatuses.joined(separator: ", ")), as in `disks --status In_use`.",
            zh: "所给的状态不是云盘状态。",
            "请使用 \(ECSAPI.diskStatuses.joined(separator: "、")) 之一，例如 `disks --status In_use`。"),
        "InvalidStatus.NotFound": Entry(
            "The status asked for is not an instance status.",
            "Use one of \(ECSAPI.instanceStatuses.joined(separator: ", ")), as in `wait instance ID Stopped`.",
            zh: "所给的状态不是实例状态。",
            "请使用 \(ECSAPI.instanceStatuses.joined(separator: "、")) 之一，例如 `wait instance ID Stopped`。"),
        "InvalidDiskType.ValueNotSupported": Entry(
            "The disk type asked for is not all, system or data.",
            "Use all, system or data.",
            zh: "所给的云盘种类不是 all、system 或 data。",
            "请使用 all、system 或 data。"),
        "InvalidCategory.ValueNotSupported": Entry(
            "The disk category asked for is not one ECS knows.",
            "Use a category such as cloud_essd, cloud_ssd or cloud_efficiency; `disks` shows those in use.",
            zh: "所给的云盘类型不是 ECS 支持的类型。",
            "请使用 cloud_essd、cloud_ssd、cloud_efficiency 等类型；`disks` 可查看正在使用的类型。"),
        "InvalidDiskIds.Malformed": Entry(
            "More than 100 disk ids were asked for at once.",
            "Ask for at most 100 disks at a time, or list them all with `disks`.",
            zh: "一次查询的云盘 ID 超过了 100 个。",
            "每次最多查询 100 块云盘，或用 `disks` 列出全部云盘。"),
        "InvalidParameter.DiskIds": Entry(
            "The DiskIds filter is not a JSON array of disk ids.",
            "With `call`, write it as DiskIds='[\"d-…\",\"d-…\"]'; `disk ID` looks at one disk.",
            zh: "DiskIds 过滤条件不是由云盘 ID 组成的 JSON 数组。",
            "使用 `call` 时请写成 DiskIds='[\"d-…\",\"d-…\"]'；查看单块云盘可用 `disk ID`。"),
        "InvalidInstanceIds.Malformed": Entry(
            "The InstanceIds filter is not a JSON array of at most 100 instance ids.",
            "With `call`, write it as InstanceIds='[\"i-…\"]' with at most 100 ids; `instances` lists them all.",
            zh: "InstanceIds 过滤条件不是最多包含 100 个实例 ID 的 JSON 数组。",
            "使用 `call` 时请写成 InstanceIds='[\"i-…\"]'，最多 100 个；`instances` 可列出全部实例。"),
        "InvalidInstanceChargeType.NotFound": Entry(
            "The charge type asked for is not PrePaid or PostPaid.",
            "Use PrePaid (subscription) or PostPaid (pay-as-you-go).",
            zh: "所给的计费方式不是 PrePaid 或 PostPaid。",
            "请使用 PrePaid（包年包月）或 PostPaid（按量付费）。"),
        "DryRunOperation": Entry(
            "Dry run only: the request would have succeeded, and nothing was done.",
            "Run it again without DryRun to carry it out.",
            zh: "仅为预检：请求本可以成功，但没有执行任何操作。",
            "去掉 DryRun 再执行一次即可真正执行。"),
        "InvalidAction.NotFound": Entry(
            "The action does not exist in this version of the ECS API.",
            "Check the action's spelling in `call` (actions are written like DescribeDisks), and that the endpoint is ECS's.",
            zh: "ECS API 的这个版本中没有该操作。",
            "请检查 `call` 中操作名的拼写（形如 DescribeDisks），并确认接入点是 ECS 的。"),
        "SignatureDoesNotMatch": Entry(
            "The request's signature does not match: the AccessKey secret is wrong, or something changed the request on its way.",
            "`show session` shows which credentials are used; check the secret in the profile (~/.aliyun/config.json) "
                + "or in ALIBABA_CLOUD_ACCESS_KEY_SECRET, and that no proxy rewrites requests.",
            zh: "请求签名不匹配：AccessKey Secret 不正确，或者请求在途中被改动。",
            "`show session` 可查看正在使用的凭证；请检查配置文件（~/.aliyun/config.json）或 "
                + "ALIBABA_CLOUD_ACCESS_KEY_SECRET 中的 Secret，并确认没有代理改写请求。"),
        "InvalidAccessKeyId.NotFound": Entry(
            "Alibaba Cloud does not know this AccessKey id.",
            "`show session` shows which key is used; switch with `use profile NAME`, or fix the profile or ALIBABA_CLOUD_ACCESS_KEY_ID.",
            zh: "阿里云不认识这个 AccessKey ID。",
            "`show session` 可查看正在使用的 AccessKey；用 `use profile NAME` 切换，或修正配置文件或 ALIBABA_CLOUD_ACCESS_KEY_ID。"),
        "InvalidAccessKeyId.Inactive": Entry(
            "The AccessKey has been disabled.",
            "Enable it again in the RAM console, or use another key with `use profile NAME`.",
            zh: "该 AccessKey 已被禁用。",
            "请在 RAM 控制台重新启用，或用 `use profile NAME` 换用其他 AccessKey。"),
        "IncompleteSignature": Entry(
            "The request's signature is incomplete or malformed.",
            "This is a problem on the client's side: check that no proxy changes the request, and report it with the output of --debug.",
            zh: "请求签名不完整或格式不正确。",
            "这是客户端一侧的问题：请确认没有代理改动请求，并附上 --debug 的输出报告问题。"),
        "Forbidden.RAM": Entry(
            "The RAM user or role is not allowed to perform this action.",
            "Ask the account's administrator to grant it (e.g. ecs:ReInitDisk, ecs:DescribeDisks); "
                + "`show session` shows which key is used.",
            zh: "该 RAM 用户或角色无权执行此操作。",
            "请账号管理员授予相应权限（如 ecs:ReInitDisk、ecs:DescribeDisks）；`show session` 可查看正在使用的 AccessKey。"),
        "InvalidTimeStamp.Expired": Entry(
            "The request's time is more than 15 minutes away from Alibaba Cloud's clock.",
            "Set this machine's clock right (for example `timedatectl set-ntp true`) and try again.",
            zh: "请求中的时间与阿里云的时钟相差超过 15 分钟。",
            "请校准本机时钟（例如 `timedatectl set-ntp true`）后重试。"),
        "SignatureNonceUsed": Entry(
            "The request's nonce has been used before, so it looks like a replay.",
            "Just try again: every attempt gets a new nonce; if it keeps happening, report it with the output of --debug.",
            zh: "请求中的随机数（nonce）已被使用过，看起来像是重放请求。",
            "直接重试即可：每次请求都会使用新的随机数；如果反复出现，请附上 --debug 的输出报告问题。"),
        "Throttling": throttling,
        "ServiceUnavailable": Entry(
            "The service is unavailable for the moment.",
            "Try again in a little while; after a `reinit`, look at the disk with `disk ID` first, as the request may have been carried out.",
            zh: "服务暂时不可用。",
            "请稍后重试；如果是 `reinit`，请先用 `disk ID` 查看云盘，请求可能已经执行。"),
        "InternalError": Entry(
            "Alibaba Cloud had an internal error.",
            "Try again later; after a `reinit`, look at the disk with `disk ID` first, as the request may have been "
                + "carried out. If it persists, quote the RequestId to support.",
            zh: "阿里云发生了内部错误。",
            "请稍后重试；如果是 `reinit`，请先用 `disk ID` 查看云盘，请求可能已经执行。问题持续时，请向技术支持提供 RequestId。"),
        "InvalidVersion": Entry(
            "The API version is not one the endpoint serves.",
            "ecsh speaks ECS 2014-05-26: check that the endpoint in `show session` is an ECS endpoint.",
            zh: "接入点不支持该 API 版本。",
            "ecsh 使用 ECS 2014-05-26 版本：请确认 `show session` 中的接入点是 ECS 的接入点。"),
    ]

    /// Codes that are per action: the same code, another situation.
    static let actionEntries: [String: [String: Entry]] = [
        "StartInstance": [
            "IncorrectInstanceStatus": Entry(
                "Only a Stopped instance can be started, and this one is not Stopped.",
                "See its status with `instance ID`; if it is Stopping, wait with `wait instance ID Stopped`; "
                    + "if it is already Running, there is nothing to do.",
                zh: "只有已停止（Stopped）的实例才能启动，而该实例不是已停止状态。",
                "用 `instance ID` 查看状态；如果正在停止（Stopping），用 `wait instance ID Stopped` 等待；已在运行则无需操作。"),
            "IncorrectDiskStatus": Entry(
                "One of the instance's disks is still re-initialising, so it cannot start yet.",
                "Wait for the disk with `wait disk ID In_use`, then start the instance.",
                zh: "该实例的某块云盘仍在重新初始化，暂时无法启动。",
                "用 `wait disk ID In_use` 等待云盘完成，再启动实例。"),
        ],
        "StopInstance": [
            "IncorrectInstanceStatus": Entry(
                "Only a Running instance can be stopped, and this one is not Running.",
                "See its status with `instance ID`; if it is Starting, wait with `wait instance ID Running` first; "
                    + "if it is already Stopped, there is nothing to do.",
                zh: "只有运行中（Running）的实例才能停止，而该实例不是运行中状态。",
                "用 `instance ID` 查看状态；如果正在启动（Starting），先用 `wait instance ID Running` 等待；已停止则无需操作。")
        ],
    ]

    /// Families of codes, matched by prefix when no code matches exactly.
    static let familyEntries: [(prefix: String, entry: Entry)] = [
        (
            "InvalidSecurityToken.",
            Entry(
                "The STS security token is malformed, has expired, or does not belong to the AccessKey id.",
                "Get fresh temporary credentials (STS tokens expire) and update the profile or "
                    + "ALIBABA_CLOUD_SECURITY_TOKEN; `show session` shows what is used.",
                zh: "STS 安全令牌格式不正确、已过期，或与 AccessKey ID 不匹配。",
                "请重新获取临时凭证（STS 令牌会过期），并更新配置文件或 ALIBABA_CLOUD_SECURITY_TOKEN；`show session` 可查看正在使用的凭证。")
        ),
        (
            "InvalidAccessKeyId.",
            Entry(
                "The AccessKey id is not valid.",
                "`show session` shows which key is used; switch with `use profile NAME`.",
                zh: "AccessKey ID 无效。",
                "`show session` 可查看正在使用的 AccessKey；用 `use profile NAME` 切换。")
        ),
        (
            "InvalidTimeStamp.",
            Entry(
                "The request's timestamp is missing, malformed or out of range.",
                "Set this machine's clock right (for example `timedatectl set-ntp true`); if it persists, report it with the output of --debug.",
                zh: "请求的时间戳缺失、格式不正确或超出范围。",
                "请校准本机时钟（例如 `timedatectl set-ntp true`）；问题持续时，请附上 --debug 的输出报告问题。")
        ),
        (
            "Forbidden",
            Entry(
                "This account or RAM user is not allowed to perform the action.",
                "Ask the account's administrator for the permission; `show session` shows which key is used.",
                zh: "此账号或 RAM 用户无权执行该操作。",
                "请向账号管理员申请相应权限；`show session` 可查看正在使用的 AccessKey。")
        ),
        ("Throttling", throttling),
        ("InvalidParameter", invalidParameter),
        (
            "Missing",
            Entry(
                "A common parameter of the request (a signature, a timestamp, a security token) is missing.",
                "Temporary (STS) keys need their security token too: check `show session`; otherwise report it with the output of --debug.",
                zh: "请求缺少公共参数（签名、时间戳或安全令牌等）。",
                "临时（STS）凭证还需要安全令牌：请检查 `show session`；否则请附上 --debug 的输出报告问题。")
        ),
        ("InvalidSignatureMethod", malformedRequest),
        ("UnsupportedHTTPMethod", malformedRequest),
        ("ContentSHA256NotMatched", malformedRequest),
    ]

    private static let invalidParameter = Entry(
        "A parameter's value is not accepted: wrong type, out of range, or not one of its values.",
        "The message names the parameter; check its spelling and value (`help COMMAND` shows what a command takes).",
        zh: "某个参数的取值不被接受：类型不对、超出范围，或不在允许的取值中。",
        "错误信息中写明了参数名；请检查其拼写和取值（`help COMMAND` 可查看命令接受的参数）。")

    private static let throttling = Entry(
        "Too many requests in a short time: Alibaba Cloud is throttling this account or this API.",
        "Wait a few seconds and try again; for a `reinit` of many disks, lower --parallel.",
        zh: "短时间内请求过多：阿里云正在对此账号或此 API 限流。",
        "请等待几秒后重试；对多块云盘执行 `reinit` 时，请调低 --parallel。")

    private static let malformedRequest = Entry(
        "The request is malformed in a way ecsh should never produce.",
        "Check that the endpoint in `show session` is ECS's and that no proxy rewrites requests; report it with the output of --debug.",
        zh: "请求的格式有误，这本不应由 ecsh 产生。",
        "请确认 `show session` 中的接入点是 ECS 的，且没有代理改写请求；并附上 --debug 的输出报告问题。")
}
