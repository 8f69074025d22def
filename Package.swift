// swift-tools-version: 6.1
import PackageDescription

/// Vigil: a terminal triage console for protection desks. Layers as in ARCHITECTURE.md, lowest first.
let package = Package(
    name: "Vigil",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vigil", targets: ["vigil"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .executableTarget(name: "EmbedResourcesTool", path: "Sources/EmbedResourcesTool"),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["EmbedResourcesTool"],
            path: "Plugins/EmbedResources"
        ),
        .target(
            name: "VigilCore",
            path: "Sources/VigilCore",
            plugins: ["EmbedResources"]
        ),
        .target(
            name: "VigilStore",
            dependencies: [
                "VigilCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            path: "Sources/VigilStore"
        ),
        .target(name: "TerminalKit", path: "Sources/TerminalKit"),
        .target(name: "TerminalNcurses", dependencies: ["CNcurses", "TerminalKit"], path: "Sources/TerminalNcurses"),
        .target(
            name: "VigilConsole",
            dependencies: ["VigilCore", "VigilStore", "TerminalKit"],
            path: "Sources/VigilConsole"
        ),
        .executableTarget(
            name: "vigil",
            dependencies: [
                "VigilCore", "VigilStore", "TerminalKit", "TerminalNcurses", "VigilConsole",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/vigil"
        ),
        .testTarget(name: "VigilCoreTests", dependencies: ["VigilCore"], path: "Tests/VigilCoreTests"),
        .testTarget(name: "VigilStoreTests", dependencies: ["VigilCore", "VigilStore"], path: "Tests/VigilStoreTests"),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"], path: "Tests/TerminalKitTests"),
        .testTarget(
            name: "TerminalNcursesTests",
            dependencies: ["TerminalNcurses", "TerminalKit"],
            path: "Tests/TerminalNcursesTests"
        ),
        .testTarget(
            name: "VigilConsoleTests",
            dependencies: ["VigilConsole", "VigilCore", "VigilStore", "TerminalKit", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/VigilConsoleTests",
            exclude: ["Golden"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["vigil"], path: "Tests/EndToEndTests"),
    ],
    swiftLanguageModes: [.v6]
)
