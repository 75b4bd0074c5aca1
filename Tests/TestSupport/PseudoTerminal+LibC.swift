import Foundation

extension PseudoTerminal {
    /// The C library's pseudo-terminal calls, looked up at run time: Swift's Glibc module is built without
    /// the feature macros that declare them (posix_openpt, grantpt, unlockpt, ptsname_r need _XOPEN_SOURCE).
    enum LibC {
        struct TerminalFunctions {
            let openpt: @convention(c) (Int32) -> Int32
            let grantpt: @convention(c) (Int32) -> Int32
            let unlockpt: @convention(c) (Int32) -> Int32
            let ptsname: @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
        }

        /// glibc's POSIX_SPAWN_SETSID (since 2.26), hidden by the same missing macro.
        static let spawnSetsid: Int16 = 0x80

        static let terminalFunctions: TerminalFunctions? = {
            guard let openpt = symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self),
                let grantpt = symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self),
                let unlockpt = symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self),
                let ptsname = symbol(
                    "ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32).self)
            else { return nil }
            return TerminalFunctions(openpt: openpt, grantpt: grantpt, unlockpt: unlockpt, ptsname: ptsname)
        }()

        /// posix_spawn_file_actions_addclosefrom_np (glibc 2.34), so the child inherits no other descriptor.
        static let closeFrom = symbol(
            "posix_spawn_file_actions_addclosefrom_np",
            as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)

        private static func symbol<F>(_ name: String, as type: F.Type) -> F? {
            guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
            return unsafeBitCast(address, to: type)
        }
    }
}
