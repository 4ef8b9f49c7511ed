import SubpixLanguage

/// The session is what the interpreter runs statements against: `view.<field>`
/// reads and assigns ``view`` by the rules of ``ViewSettingsFields``, and each
/// builtin call tells ``scriptView`` what view the script implies.
extension Session: ScriptContext {
    package func setting(_ field: String) throws -> Value {
        try ViewSettingsFields.value(of: field, in: view)
    }

    package func settingsChange() -> SettingsChange {
        var pending = view
        return SettingsChange(
            set: { field, value in try ViewSettingsFields.apply(field, value, to: &pending, session: self) },
            commit: { fields in
                // A kernel size set without a padding brings the padding `k`/`K` would.
                if fields.contains("kernel_size"), !fields.contains("padding") { pending.padding = self.view.padding(forKernel: pending.kernelSize) }
                try self.commit(pending, assigning: fields)
            })
    }

    package func didCall(_ builtin: Builtin, with arguments: Arguments) {
        scriptView.record(builtin.name, arguments, session: self)
    }
}
