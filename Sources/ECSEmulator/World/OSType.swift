/// The operating system family of an image or instance (`OSType`).
public enum OSType: String, WorldEnumeration {
    case linux
    case windows
}
