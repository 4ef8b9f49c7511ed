// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "subpix",
    products: [
        .library(name: "Subpix", targets: ["Subpix"]),
        .library(name: "SubpixScript", targets: ["SubpixScript"]),
        .library(name: "SubpixTUI", targets: ["SubpixTUI"]),
        .executable(name: "subpix", targets: ["subpix"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // System libraries, reached through tiny module maps and shim headers.
        .systemLibrary(
            name: "CNcurses", path: "Sources/CNcurses", pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(
            name: "CReadline", path: "Sources/CReadline", pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CPNG", path: "Sources/CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]),

        // The float32 hot loops in C, compiled for the baseline and for AVX2 + FMA,
        // chosen at run time (Sources/CSubpixKernels/include/SubpixKernels.h).
        .target(name: "CSubpixKernels"),

        // Layers: subpix -> SubpixCommands -> SubpixBench -> SubpixTUI -> SubpixScript -> Subpix.
        .target(
            name: "Subpix",
            dependencies: ["CSubpixKernels", .product(name: "RealModule", package: "swift-numerics")]),
        .target(
            name: "SubpixScript",
            dependencies: ["Subpix", "CPNG", "CReadline", "CZlib"]),
        .target(
            name: "SubpixTUI",
            dependencies: ["SubpixScript", "Subpix", "CNcurses"]),
        .target(
            name: "SubpixBench",
            dependencies: ["Subpix", "SubpixScript", "SubpixTUI"]),
        // The command line (swift-argument-parser), a library so that its tests parse and run it in process.
        .target(
            name: "SubpixCommands",
            dependencies: [
                "Subpix", "SubpixScript", "SubpixTUI", "SubpixBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The executable: only its entry point.
        .executableTarget(name: "subpix", dependencies: ["SubpixCommands", "Subpix"]),

        // What every test target shares (Tests/TestSupport): a plain library that
        // imports XCTest, so only test targets may depend on it.
        .target(name: "TestSupport", dependencies: ["Subpix"], path: "Tests/TestSupport"),
        .testTarget(
            name: "SubpixTests", dependencies: ["Subpix", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "SubpixScriptTests", dependencies: ["SubpixScript", "Subpix", "TestSupport"],
            exclude: ["Resources"]),
        .testTarget(
            name: "SubpixTUITests", dependencies: ["SubpixTUI", "SubpixScript", "Subpix", "TestSupport"],
            exclude: ["Snapshots"]),
        // In process through SubpixCommands; the built `subpix` binary where a test needs a real process.
        .testTarget(name: "SubpixCLITests", dependencies: ["SubpixCommands", "subpix", "Subpix", "SubpixTUI", "TestSupport"]),
    ]
)
