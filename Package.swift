// swift-tools-version:6.1
import PackageDescription

/// One set of strict settings for every target (Swift 6 mode is the package default).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "mentorline",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mentorlined", targets: ["mentorlined"]),
        .executable(name: "mentorctl", targets: ["mentorctl"]),
        .library(name: "MentorlineCore", targets: ["MentorlineCore"]),
        .library(name: "MentorlineDelivery", targets: ["MentorlineDelivery"]),
        .library(name: "MentorlineDaemon", targets: ["MentorlineDaemon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "MentorlineCore",
            dependencies: [.product(name: "Collections", package: "swift-collections")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MentorlineConfig",
            dependencies: [
                "MentorlineCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MentorlineStore",
            dependencies: [
                "MentorlineCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "MentorlineDelivery",
            dependencies: [
                "MentorlineCore",
                "MentorlineStore",
                "CCurl",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MentorlineServer",
            dependencies: [
                "MentorlineCore",
                "MentorlineConfig",
                "MentorlineStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/openapi.yaml")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MentorlineDaemon",
            dependencies: [
                "MentorlineCore",
                "MentorlineConfig",
                "MentorlineStore",
                "MentorlineDelivery",
                "MentorlineServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "CMemoryTuning"),
        .executableTarget(
            name: "mentorlined",
            dependencies: [
                "CMemoryTuning",
                "MentorlineDaemon",
                "MentorlineConfig",
                "MentorlineDelivery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MentorlineControl",
            dependencies: [
                "MentorlineCore",
                "MentorlineConfig",
                "MentorlineDelivery",
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "mentorctl",
            dependencies: [
                "MentorlineCore",
                "MentorlineConfig",
                "MentorlineControl",
                "MentorlineDelivery",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MentorlineTesting",
            dependencies: [
                "MentorlineCore",
                "MentorlineConfig",
                "MentorlineDaemon",
                "MentorlineDelivery",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/MentorlineTesting",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MentorlineCoreTests",
            // The shipped templates render the texts the tests read.
            dependencies: ["MentorlineCore", "MentorlineConfig"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MentorlineConfigTests",
            dependencies: ["MentorlineConfig", "MentorlineCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MentorlineStoreTests",
            dependencies: [
                "MentorlineStore", "MentorlineCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MentorlineDeliveryTests",
            dependencies: ["MentorlineDelivery", "MentorlineCore", "MentorlineTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MentorlineControlTests",
            dependencies: ["MentorlineControl", "MentorlineTesting", "MentorlineCore", "MentorlineDelivery"],
            swiftSettings: strictSettings
        ),
        // `make install` into a temporary DESTDIR and the unit checked by systemd-analyze. Depends on nothing
        // from the package, so it builds in seconds; it installs stub binaries, not a release build.
        .testTarget(
            name: "PackagingTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MentorlineIntegrationTests",
            dependencies: [
                "MentorlineDaemon", "MentorlineServer", "MentorlineConfig", "MentorlineCore",
                "MentorlineStore", "MentorlineDelivery", "MentorlineTesting",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
