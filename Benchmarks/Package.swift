// swift-tools-version:6.1
import PackageDescription

/// Mentorline's benchmarks: a separate package, so that `make test` in the main package never builds
/// the benchmark framework. `load.sh` runs the end-to-end load test (see README.md).
///
/// Micro benchmarks with ordo-one/package-benchmark (routing decision, CPR masking, intake validation,
/// signing) need `public` entry points in MentorlineCore/MentorlineDelivery, which expose only `package`
/// declarations today; they are not here yet (see README.md).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "mentorline-benchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mentorline-load", targets: ["mentorline-load"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .executableTarget(
            name: "mentorline-load",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
