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
        .library(name: "PlumblineServer", targets: ["PlumblineServer"]),
        .executable(name: "plumb", targets: ["plumb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        .package(
            url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"]
        ),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
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
            dependencies: [
                "PlumblineCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
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
        .target(
            name: "PlumblineServer",
            dependencies: [
                "PlumblineCore",
                "PlumblineRender",
                "PlumblineStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Resources/openapi.yaml")]
        ),
        .executableTarget(
            name: "plumb",
            dependencies: [
                "PlumblineCore",
                "PlumblineRender",
                "PlumblineAssistant",
                "PlumblineServer",
                "PlumblineStore",
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
        // The scripted OpenAI-compatible server the provider and CLI tests run against.
        .target(
            name: "ChatCompletionsTestServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/ChatCompletionsTestServer"
        ),
        .testTarget(
            name: "PlumblineAssistantTests",
            dependencies: ["PlumblineCore", "PlumblineAssistant", "ChatCompletionsTestServer"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlumblineStoreTests",
            dependencies: ["PlumblineCore", "PlumblineStore"]
        ),
        .testTarget(
            name: "PlumblineServerTests",
            dependencies: [
                "PlumblineCore",
                "PlumblineServer",
                "PlumblineStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "PlumbCLITests",
            dependencies: ["PlumblineCore", "PlumblineRender", "plumb", "ChatCompletionsTestServer"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
