extension ErrorCatalogue {
    /// Every code of the error table of ReInitDisk's API document, plus `InvalidOperation.MultiAttachDisk`.
    static let reInitDiskEntries: [String: Entry] = [
        "InvalidDiskId.NotFound": Entry(
            "No disk with this id exists in the region, or for this account.",
            "Check the id with `disks` or `disk ID`; if the disk is in another region, switch with `use region ID`.",
            zh: "该地域（或该账号）下没有这个 ID 的云盘。",
            "用 `disks` 或 `disk ID` 核对云盘 ID；如果云盘在其他地域，用 `use region ID` 切换。"),
        "IncorrectDiskStatus": Entry(
            "The disk is not in a state that allows this: ReInitDisk needs it attached and In_use (and the account not in arrears).",
            "Look at it with `disk ID`; while it is changing (ReIniting, Attaching), wait with `wait disk ID In_use`; "
                + "an Available disk must be attached to an instance first.",
            zh: "云盘当前的状态不支持此操作：重新初始化要求云盘已挂载且处于使用中（In_use），并且账号没有欠费。",
            "用 `disk ID` 查看云盘；状态正在变化（ReIniting、Attaching）时，用 `wait disk ID In_use` 等待；"
                + "待挂载（Available）的云盘须先挂载到实例上。"),
        "IncorrectInstanceStatus": Entry(
            "The instance the disk is attached to is not Stopped, or has never been started since it was created.",
            "Stop it and wait with `stop INSTANCE --wait`, or let ecsh do it with `reinit DISK --stop-first`; "
                + "an instance that was never started must be started once (`start INSTANCE --wait`) and stopped again.",
            zh: "云盘挂载的实例不是已停止（Stopped）状态，或者创建后从未启动过。",
            "用 `stop INSTANCE --wait` 停止实例并等待，或用 `reinit DISK --stop-first` 让 ecsh 代劳；"
                + "从未启动过的实例须先启动一次（`start INSTANCE --wait`）再停止。"),
        "InstanceLockedForSecurity": Entry(
            "The instance is locked for security reasons, and Alibaba Cloud refuses every operation on it.",
            "ecsh cannot lift the lock: read the security notice in the console (Security Center) or open a ticket; "
                + "`instance ID` shows its OperationLocks.",
            zh: "实例因安全原因被锁定，阿里云拒绝对它进行任何操作。",
            "ecsh 无法解除锁定：请在控制台（云安全中心）查看安全通知或提交工单；`instance ID` 可查看其 OperationLocks。"),
        "InvalidSnapshot.TooOld": Entry(
            "The disk was created from a snapshot taken before 15 July 2013; once detached, such a disk can no longer be re-initialised.",
            "This disk cannot be re-initialised: create a new disk from a recent snapshot or image instead.",
            zh: "该云盘由 2013 年 7 月 15 日之前创建的快照创建，卸载过一次之后就不能再重新初始化。",
            "这块云盘无法重新初始化：请改用较新的快照或镜像创建新的云盘。"),
        "OperationDenied": Entry(
            "The operation was refused: for ReInitDisk, the snapshot the disk was created from no longer exists.",
            "A data disk cannot go back to a snapshot that is gone: `disk ID` shows its SourceSnapshotId; "
                + "create a new disk from another snapshot instead.",
            zh: "操作被拒绝：对重新初始化而言，即创建该云盘所用的快照已不存在。",
            "快照不存在时，数据盘无法恢复到该快照：`disk ID` 可查看其 SourceSnapshotId；请改用其他快照创建新的云盘。"),
        "InstanceExpiredOrInArrears": Entry(
            "The instance's subscription has expired (prepaid) or the account is in arrears (pay-as-you-go), so operations on it are refused.",
            "Renew the instance or top up the account in the console, then try again.",
            zh: "包年包月实例已过期，或按量付费账号已欠费，因此对该实例的操作被拒绝。",
            "请在控制台为实例续费或为账号充值，然后重试。"),
        "DiskCreatingSnapshot": Entry(
            "A snapshot of the disk is still being created.",
            "Wait until the snapshot has finished (minutes, longer for a large disk), then run the reinit again.",
            zh: "该云盘的快照还在创建中。",
            "等快照创建完成（通常几分钟，云盘越大越久），再重新执行 reinit。"),
        "InvalidSourceSnapshot": Entry(
            "The snapshot the disk was created from has been deleted, so there is nothing to re-initialise it to.",
            "This data disk cannot go back to its snapshot: `disk ID` shows its SourceSnapshotId; "
                + "create a new disk from another snapshot instead.",
            zh: "创建该云盘所用的快照已被删除，无法恢复到快照状态。",
            "这块数据盘无法恢复到原快照：`disk ID` 可查看其 SourceSnapshotId；请改用其他快照创建新的云盘。"),
        "InvalidImageId.NotFound": Entry(
            "The image the system disk was created from no longer exists for this account.",
            "A system disk cannot go back to a deleted image: `disk ID` shows its ImageId; "
                + "reinstall from another image with `call ReplaceSystemDisk InstanceId=… ImageId=…`.",
            zh: "创建该系统盘所用的镜像在此账号下已不存在。",
            "镜像被删除后，系统盘无法恢复到该镜像：`disk ID` 可查看其 ImageId；"
                + "可用 `call ReplaceSystemDisk InstanceId=… ImageId=…` 换用其他镜像。"),
        "SharedImageDeleted": Entry(
            "The image the system disk was created from was shared by another account, which has deleted it.",
            "Ask the image's owner to share it again, or reinstall from another image with "
                + "`call ReplaceSystemDisk InstanceId=… ImageId=…`.",
            zh: "创建该系统盘所用的镜像由其他账号共享，且已被对方删除。",
            "请镜像所有者重新共享，或用 `call ReplaceSystemDisk InstanceId=… ImageId=…` 换用其他镜像。"),
        "InvalidPassword.Malformed": Entry(
            "The password is not accepted: it needs 8 to 30 characters and three of upper case, lower case, digits "
                + "and \(PasswordRule.specials); on Windows it may not start with /.",
            "Set a new one with `set password` (ecsh checks it before sending), or re-initialise without one.",
            zh: "密码不合法：长度须为 8 至 30 个字符，且包含大写字母、小写字母、数字和特殊符号"
                + "（\(PasswordRule.specials)）中的至少三类；Windows 实例的密码不能以 / 开头。",
            "用 `set password` 重新设置密码（ecsh 会在发送前检查），或不设密码重新初始化。"),
        "DiskCategory.OperationNotSupported": Entry(
            "Disks of this category (local disks such as ephemeral_ssd or local_hdd_pro) cannot be re-initialised.",
            "Check its Category with `disk ID`: only cloud disks (cloud, cloud_efficiency, cloud_ssd, cloud_essd, "
                + "cloud_auto) can be re-initialised.",
            zh: "这种类型的云盘（ephemeral_ssd、local_hdd_pro 等本地盘）不能重新初始化。",
            "用 `disk ID` 查看其 Category：只有云盘（cloud、cloud_efficiency、cloud_ssd、cloud_essd、cloud_auto）"
                + "可以重新初始化。"),
        "InvalidKeyPairName.NotFound": Entry(
            "No key pair of that name exists in the disk's region.",
            "List the region's key pairs with `keypairs` and pick one with `set keypair NAME`, "
                + "or create the key pair in that region first.",
            zh: "云盘所在地域没有这个名称的密钥对。",
            "用 `keypairs` 列出该地域的密钥对，再用 `set keypair NAME` 选择一个；或先在该地域创建密钥对。"),
        "DependencyViolation.IoOptimize": Entry(
            "The disk's category needs an I/O optimised instance, and the instance it is attached to is not one.",
            "Compare `instance ID` (IoOptimized) and `disk ID` (Category); "
                + "change the instance to an I/O optimised type before re-initialising this disk.",
            zh: "该云盘的类型要求挂载在 I/O 优化实例上，而它所挂载的实例不是 I/O 优化实例。",
            "对照 `instance ID`（IoOptimized）和 `disk ID`（Category）；请先把实例变更为 I/O 优化的规格，再重新初始化该云盘。"),
        "UserNotInTheWhiteList": Entry(
            "The disk is a shared block storage (multi-attach) disk, and this account is not on the white list for it.",
            "Open a ticket with Alibaba Cloud to be added to the white list, or re-initialise another disk (`disks`).",
            zh: "该云盘是共享块存储（多重挂载）云盘，而此账号不在共享块存储白名单中。",
            "请提交工单申请加入白名单，或换一块云盘重新初始化（`disks`）。"),
        "InvalidRegionId.MalFormed": regionIdMalformed,
        "InvalidRegionId.Malformed": regionIdMalformed,
        "InvalidDiskId.OperationNotSupported": Entry(
            "The disk cannot be re-initialised because the image it was created from no longer exists.",
            "`disk ID` shows its ImageId; reinstall from an existing image with "
                + "`call ReplaceSystemDisk InstanceId=… ImageId=…`.",
            zh: "创建该云盘所用的镜像已不存在，因此无法重新初始化。",
            "`disk ID` 可查看其 ImageId；可用 `call ReplaceSystemDisk InstanceId=… ImageId=…` 换用现有镜像。"),
        "InvalidOperation.MultiAttachDisk": Entry(
            "A shared block storage (multi-attach) disk cannot be re-initialised.",
            "Pick a disk that is not shared: `disks` lists them, and `disk ID` shows MultiAttach.",
            zh: "共享块存储（多重挂载）云盘不能重新初始化。",
            "请选择非共享的云盘：`disks` 可列出云盘，`disk ID` 可查看 MultiAttach。"),
    ]

    /// The seed document spells it `MalFormed`; the rest of ECS says `Malformed`.
    private static let regionIdMalformed = Entry(
        "The region id is not valid: it is not written like cn-hangzhou, or is not a region of ECS.",
        "List the regions with `regions` and switch with `use region ID`; `show session` shows the region in use.",
        zh: "地域 ID 不合法：写法不像 cn-hangzhou，或者不是 ECS 的地域。",
        "用 `regions` 列出地域，再用 `use region ID` 切换；`show session` 可查看当前使用的地域。")
}
