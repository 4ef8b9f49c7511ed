// swift-tools-version:6.0
// libFuzzer harnesses for subpix's readers and language (issue: hostile input).
// Built and run by scripts/fuzz.sh with `swift build --sanitize=fuzzer --sanitize=address`.
import PackageDescription

let package = Package(
    name: "subpix-fuzz",
    dependencies: [.package(name: "subpix", path: "../..")],
    targets: ["FuzzNPY", "FuzzImages", "FuzzParser", "FuzzInterpreter"].map { name in
        .executableTarget(
            name: name,
            dependencies: [.product(name: "SubpixScript", package: "subpix"), .product(name: "Subpix", package: "subpix")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    }
)
