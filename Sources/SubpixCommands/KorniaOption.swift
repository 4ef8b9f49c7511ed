import ArgumentParser
import Foundation
import Subpix
import struct SubpixLanguage.ScriptError

/// `--kornia 0.7|0.9`: the kornia release the session follows (also `0.7.4`, `0.9.0`).
/// The option beats a script's first line (`# subpix --kornia 0.7`), which beats the
/// environment variable `SUBPIX_KORNIA`, which beats the default.
struct KorniaOption: ParsableArguments {
    @Option(name: .customLong("kornia"),
            help: ArgumentHelp("The kornia release to follow: 0.9 or 0.7 (kornia 0.7.4 exactly); default $SUBPIX_KORNIA, else \(KorniaVersion.default.rawValue). See docs/kornia.md.",
                               valueName: "version"))
    var kornia: String?

    /// The version the option names; nil without the option.
    ///
    /// - Throws: a one-line error naming the versions there are (no usage text, as
    ///   for the environment variable's value).
    func explicit() throws -> KorniaVersion? {
        try kornia.map { try Self.parse($0, from: "--kornia") }
    }

    /// The version the command runs: the option's, else `SUBPIX_KORNIA`'s, else the default.
    func version(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> KorniaVersion {
        try explicit() ?? Self.environmental(environment) ?? .default
    }

    /// The version `SUBPIX_KORNIA` names; nil when it is not set.
    static func environmental(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> KorniaVersion? {
        try environment["SUBPIX_KORNIA"].map { try parse($0, from: "SUBPIX_KORNIA") }
    }

    private static func parse(_ text: String, from source: String) throws -> KorniaVersion {
        do {
            return try KorniaVersion(parsing: text)
        } catch let error as SubpixError {
            throw ScriptError("\(source): \(error.message)")
        }
    }
}
