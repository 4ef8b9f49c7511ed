import ArgumentParser

/// `--force`: `save(...)` may replace existing files without `overwrite=True`.
struct ForceOption: ParsableArguments {
    @Flag(name: .customLong("force"), help: "Let save(...) replace existing files without overwrite=True.")
    var force = false
}
