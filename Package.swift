// swift-tools-version:6.0
import PackageDescription

/// Settings every Swift target shares, applied in one place.
let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ecsh",
    products: [
        .executable(name: "ecsh", targets: ["ecsh"]),
        .library(name: "AliyunCore", targets: ["AliyunCore"]),
    ],
    targets: [
        // C libraries, each behind a tiny module map and a shim of non-variadic wrappers.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),

        .target(name: "AliyunCore", dependencies: ["CCrypto", "CCurl"]),
        .target(name: "ECS", dependencies: ["AliyunCore"]),
        .target(name: "ECSEmulator", dependencies: ["ECS", "AliyunCore", "CMicroHTTPD"]),
        .target(name: "Shell", dependencies: ["ECS", "ECSEmulator", "AliyunCore", "CEditLine"]),
        .executableTarget(name: "ecsh", dependencies: ["Shell"]),
        .executableTarget(name: "ecsh-bench", dependencies: ["AliyunCore", "ECSEmulator", "Shell"]),

        // Test doubles: fixed clock and nonces, recording transport, a local HTTP server.
        .target(name: "TestSupport", dependencies: ["AliyunCore", "ECSEmulator"], path: "Tests/TestSupport"),
        .testTarget(name: "AliyunCoreTests", dependencies: ["AliyunCore", "TestSupport"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "TestSupport"]),
        .testTarget(name: "ECSTests", dependencies: ["ECS", "ECSEmulator", "TestSupport"]),
        .testTarget(name: "ECSEmulatorTests", dependencies: ["ECS", "ECSEmulator", "TestSupport"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictness
}
