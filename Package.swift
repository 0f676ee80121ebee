// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Plumbline",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PlumblineCore", targets: ["PlumblineCore"]),
        .library(name: "PlumblineRender", targets: ["PlumblineRender"]),
        .library(name: "PlumblineAssistant", targets: ["PlumblineAssistant"]),
        .executable(name: "plumb", targets: ["plumb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(
            url: "https://github.com/hummingbird-project/hummingbird.git",
            from: "2.28.1",
            traits: ["FullFoundation"]
        ),
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
        // The scripted OpenAI-compatible server the provider and CLI tests run against.
        .target(
            name: "ChatCompletionsTestServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/ChatCompletionsTestServer"
        ),
        .testTarget(
            name: "PlumblineAssistantTests",
            dependencies: ["PlumblineCore", "PlumblineAssistant", "ChatCompletionsTestServer"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlumbCLITests",
            dependencies: ["PlumblineCore", "PlumblineRender", "plumb", "ChatCompletionsTestServer"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
