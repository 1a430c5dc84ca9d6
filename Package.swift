// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "gazette",
    products: [
        .executable(name: "gazette", targets: ["GazetteCLI"]),
        .library(name: "ICUKit", targets: ["ICUKit"]),
        .library(name: "GazetteKit", targets: ["Toponyms", "Extraction", "Tally", "Publishing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // For `gazette serve` (the W3C Reconciliation Service API). Default traits off: no swift-configuration.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    ],
    targets: [
        // The only target that sees ICU's headers. Its public header uses plain C types.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(name: "ICUKit", dependencies: ["CICU"]),
        .target(name: "DelimitedText"),
        .target(name: "GazetteModel"),
        .target(
            name: "Toponyms",
            dependencies: ["GazetteModel", "ICUKit", "DelimitedText"]
        ),
        .target(
            name: "Extraction",
            dependencies: ["GazetteModel", "ICUKit", "Toponyms"]
        ),
        .target(
            name: "Tally",
            dependencies: [
                "GazetteModel",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "Publishing",
            dependencies: [
                "GazetteModel", "ICUKit", "DelimitedText", "Tally",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "ReconciliationService",
            dependencies: [
                "GazetteModel", "Toponyms",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "GazetteCLI",
            dependencies: [
                "GazetteModel", "ICUKit", "DelimitedText", "Toponyms", "Extraction", "Tally", "Publishing",
                "ReconciliationService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ICUKitTests", dependencies: ["ICUKit"]),
        .testTarget(name: "DelimitedTextTests", dependencies: ["DelimitedText"]),
        .testTarget(name: "ToponymsTests", dependencies: ["Toponyms", "GazetteModel", "ICUKit"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Toponyms", "GazetteModel"]),
        .testTarget(name: "TallyTests", dependencies: ["Tally", "GazetteModel"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "Tally", "GazetteModel", "DelimitedText"]),
        .testTarget(name: "ReconciliationServiceTests", dependencies: ["ReconciliationService", "Toponyms"]),
        .testTarget(name: "GazetteCLITests", dependencies: ["GazetteCLI"]),
    ]
)

for target in package.targets where target.type != .system && target.name != "CICU" {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
