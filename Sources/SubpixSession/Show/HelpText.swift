import Subpix
import SubpixLanguage

/// The text of `help()`, `help(name)`, `help(view)`.
public enum HelpText {
    /// Every builtin with its summary, grouped by category.
    public static func overview(_ registry: BuiltinRegistry) -> String {
        let width = (registry.names.map(\.count).max() ?? 0) + 2
        var lines = ["builtins (help(name) for one, help(view) for the viewer settings):"]
        for category in Builtin.Category.allCases {
            let builtins = registry.builtins(in: category)
            guard !builtins.isEmpty else { continue }
            lines.append("\(category.rawValue):")
            lines += builtins.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + $0.summary }
        }
        return lines.joined(separator: "\n")
    }

    /// One builtin: signature (with defaults), summary and details.
    public static func entry(_ name: String, in registry: BuiltinRegistry) throws -> String {
        guard let builtin = registry[name] else {
            let hint = Suggestion.closest(to: name, among: registry.names).map { "; did you mean '\($0)'?" } ?? ""
            throw ScriptError("help(): no builtin named '\(name)'\(hint)")
        }
        return [builtin.signature, "  " + builtin.summary, builtin.details.isEmpty ? nil : "  " + builtin.details]
            .compactMap { $0 }.joined(separator: "\n")
    }

    /// Every view setting with its current meaning.
    public static var view: String {
        let width = (ViewSettingsFields.names.map(\.count).max() ?? 0) + 2
        let fields = ViewSettingsFields.all.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + $0.doc }
        let example = "e.g. view.temperature = 2.5, view.kernel_size = (5, 5), view.method = \"\(KeypointMethod.initialForVolumes.name)\""
        return (["view settings (read view.<name>, set view.<name> = value; the viewer's keys run these statements):"] + fields + [example])
            .joined(separator: "\n")
    }
}
