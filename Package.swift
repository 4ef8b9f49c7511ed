// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "subpix",
    products: [
        .library(name: "Subpix", targets: ["Subpix"]),
        .library(name: "SubpixLanguage", targets: ["SubpixLanguage"]),
        .library(name: "SubpixFiles", targets: ["SubpixFiles"]),
        .library(name: "SubpixPictures", targets: ["SubpixPictures"]),
        .library(name: "SubpixSession", targets: ["SubpixSession"]),
        .library(name: "SubpixTUI", targets: ["SubpixTUI"]),
        .executable(name: "subpix", targets: ["subpix"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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

        // Layers, each depending only on layers below it:
        //   subpix -> SubpixCommands -> SubpixBench -> SubpixExtract, SubpixTUI -> SubpixSession
        //   -> SubpixFiles -> SubpixLanguage, SubpixPictures -> Subpix -> CSubpixKernels.
        // The compute core: the kornia ops, the field's decoders, the method registries.
        .target(
            name: "Subpix",
            dependencies: ["CSubpixKernels", .product(name: "RealModule", package: "swift-numerics")]),
        // The script language: lexer, parser, interpreter, values, errors, the builtin registry.
        // It runs against a `ScriptContext` and knows nothing of the session.
        .target(name: "SubpixLanguage", dependencies: ["Subpix"]),
        // Colour maps, RGB and Oklab, markers drawn in pixels, heatmap pictures.
        .target(name: "SubpixPictures", dependencies: ["Subpix"]),
        // File formats (.npy .npz .png .pgm .csv) and live sources; owns libpng and zlib.
        .target(name: "SubpixFiles", dependencies: ["Subpix", "SubpixLanguage", "SubpixPictures", "CPNG", "CZlib"]),
        // The session: variables, view settings, the journal, and the builtins that bind
        // the ops, files and pictures into the language; printing and the generated docs.
        .target(
            name: "SubpixSession",
            dependencies: ["Subpix", "SubpixLanguage", "SubpixPictures", "SubpixFiles"]),
        // The viewer.
        .target(
            name: "SubpixTUI",
            dependencies: ["SubpixSession", "SubpixFiles", "SubpixPictures", "SubpixLanguage", "Subpix", "CNcurses"]),
        // `subpix extract`'s engine: inputs, shards, the decoding of each file, the row
        // writers (CSV, JSON Lines, .npy, SQLite through GRDB), resume manifests, merging.
        .target(
            name: "SubpixExtract",
            dependencies: [
                "Subpix", "SubpixLanguage", "SubpixFiles", "SubpixSession", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .target(
            name: "SubpixBench",
            dependencies: ["Subpix", "SubpixSession", "SubpixTUI", "SubpixExtract"]),
        // The command line (swift-argument-parser) and the REPL with readline, a library so
        // that its tests parse and run it in process.
        .target(
            name: "SubpixCommands",
            dependencies: [
                "Subpix", "SubpixLanguage", "SubpixFiles", "SubpixSession", "SubpixTUI", "SubpixBench", "SubpixExtract", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The executable: only its entry point.
        // Release links Swift's runtime and Foundation statically: the dynamic linker's symbol
        // lookups were a third of `subpix run`'s start-up (docs/performance.md).
        .executableTarget(
            name: "subpix", dependencies: ["SubpixCommands", "Subpix"],
            // Compiled with the flag too: its import of the static Foundation names the libraries that one needs.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]),

        // What every test target shares (Tests/TestSupport): a plain library that
        // imports XCTest, so only test targets may depend on it.
        .target(name: "TestSupport", dependencies: ["Subpix", "SubpixPictures", "CPNG"], path: "Tests/TestSupport"),
        .testTarget(
            name: "SubpixTests", dependencies: ["Subpix", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "SubpixSessionTests",
            dependencies: ["SubpixSession", "SubpixFiles", "SubpixPictures", "SubpixLanguage", "Subpix", "TestSupport"],
            exclude: ["Resources"]),
        .testTarget(
            name: "SubpixTUITests", dependencies: ["SubpixTUI", "SubpixSession", "SubpixFiles", "SubpixPictures", "SubpixLanguage", "Subpix", "TestSupport"],
            exclude: ["Snapshots"]),
        // In process through SubpixCommands; the built `subpix` binary where a test needs a real process.
        .testTarget(name: "SubpixCLITests", dependencies: [
            "SubpixCommands", "subpix", "Subpix", "SubpixSession", "SubpixLanguage", "SubpixTUI", "SubpixExtract", "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
