/// Who provides an image (`ImageOwnerAlias`): `system` images are the public ones.
public enum ImageOwnerAlias: String, WorldEnumeration {
    case system
    case `self`
    case others
    case marketplace
}
