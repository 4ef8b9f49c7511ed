// swift-tools-version:6.0
// libFuzzer harnesses for subpix's readers and language (issue: hostile input).
// Built and run by scripts/fuzz.sh with `swift build --sanitize=fuzzer --sanitize=address`.
import PackageDescription

let package = Package(
    name: "subpix-fuzz",
    dependencies: [.package(name: "subpix", path: "../..")],
    targets: [
        ("FuzzNPY", ["SubpixFiles"]), ("FuzzImages", ["SubpixFiles"]), ("FuzzTorch", ["SubpixFiles"]), ("FuzzParser", ["SubpixLanguage"]),
        ("FuzzInterpreter", ["SubpixLanguage", "SubpixSession"]),
    ].map { name, libraries in
        .executableTarget(
            name: name,
            dependencies: libraries.map { .product(name: $0, package: "subpix") },
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    }
)
