/// How an instance or disk is billed (`InstanceChargeType`, `DiskChargeType`).
public enum ChargeType: String, WorldEnumeration {
    case prePaid = "PrePaid"
    case postPaid = "PostPaid"
}
