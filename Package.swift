// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Plumbline",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PlumblineCore", targets: ["PlumblineCore"]),
        .library(name: "PlumblineRender", targets: ["PlumblineRender"]),
        .library(name: "PlumblineAssistant", targets: ["PlumblineAssistant"]),
        .library(name: "PlumblineStore", targets: ["PlumblineStore"]),
        .executable(name: "plumb", targets: ["plumb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        .target(
            name: "PlumblineCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            resources: [.copy("Resources/knowledge"), .copy("Resources/templates")]
        ),
        .target(name: "PlumblineRender", dependencies: ["PlumblineCore"]),
        .target(
            name: "PlumblineAssistant",
            dependencies: ["PlumblineCore", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/archetypes")]
        ),
        .target(
            name: "PlumblineStore",
            dependencies: [
                "PlumblineCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "plumb",
            dependencies: [
                "PlumblineCore",
                "PlumblineRender",
                "PlumblineAssistant",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlumblineCoreTests",
            dependencies: [
                "PlumblineCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlumblineRenderTests",
            dependencies: ["PlumblineCore", "PlumblineRender"]
        ),
        .testTarget(
            name: "PlumblineAssistantTests",
            dependencies: ["PlumblineCore", "PlumblineAssistant"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlumblineStoreTests",
            dependencies: ["PlumblineCore", "PlumblineStore"]
        ),
        .testTarget(
            name: "PlumbCLITests",
            dependencies: ["PlumblineCore", "PlumblineRender", "plumb"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
