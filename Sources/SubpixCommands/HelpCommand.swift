import ArgumentParser
import struct SubpixLanguage.BuiltinRegistry
import SubpixSession

/// `subpix builtins [NAME] [--markdown]`: the builtins as `help()` shows them, or `docs/repl.md`.
struct HelpCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "builtins", abstract: "List the script builtins, show one, or print docs/repl.md (--markdown).")

    @Flag(help: "Print the language reference as Markdown (docs/repl.md).")
    var markdown = false

    @Argument(help: "A builtin name.")
    var name: String?

    func run(console: Console) throws {
        let registry = BuiltinRegistry.standard
        if markdown {
            console.out(ReferenceMarkdown.document(registry))
        } else if let name {
            console.print(try HelpText.entry(name, in: registry))
        } else {
            console.print(HelpText.overview(registry))
        }
    }
}
