import ArgumentParser
import struct SubpixLanguage.BuiltinRegistry
import SubpixSession

/// `subpix builtins [NAME] [--markdown]`: the builtins as `help()` shows them, or `docs/repl.md`.
struct HelpCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "builtins", abstract: "List the script builtins, show one (as --kornia's release declares it), or print docs/repl.md (--markdown).")

    @Flag(help: "Print the language reference as Markdown (docs/repl.md).")
    var markdown = false

    @Argument(help: "A builtin name.")
    var name: String?

    @OptionGroup var kornia: KorniaOption

    func run(console: Console) throws {
        if markdown {
            // The reference shows the default release and, under each op, where the other differs.
            return console.out(ReferenceMarkdown.document(.standard))
        }
        let registry = BuiltinRegistry.standard.following(try kornia.version())
        if let name {
            console.print(try HelpText.entry(name, in: registry))
        } else {
            console.print(HelpText.overview(registry))
        }
    }
}
