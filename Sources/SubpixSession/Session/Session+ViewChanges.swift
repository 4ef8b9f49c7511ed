extension Session {
    /// Applies `changes` to ``view`` as one statement setting those fields would:
    /// each value is checked by its field's rules (``ViewSettingsFields``), then all
    /// of them together (padding at most half the kernel, a selection inside the
    /// viewed tensor), and a refusal changes nothing. Once applied, the journal
    /// records the statement they correspond to (``ViewChange/statement(_:)``).
    ///
    /// ```swift
    /// try session.apply([.kernelSize([5, 5]), .padding([2, 2])])
    /// try session.apply([.padding([3, 3])])   // throws "view: padding (3, 3) exceeds half the kernel (5, 5); ..."
    /// ```
    ///
    /// - Throws: ``ScriptError`` with the message `view.<field> = ...` gives for the same values.
    public func apply(_ changes: [ViewChange]) throws {
        guard !changes.isEmpty else { return }
        var view = self.view
        for change in changes { try ViewSettingsFields.apply(change.field, change.value, to: &view, session: self) }
        try commit(view, assigning: changes.map(\.field))
        record.appendChange(ViewChange.statement(changes))
    }

    /// Stores a view that a statement or ``apply(_:)`` set `fields` of, once it
    /// passes the checks no single field can make (``ViewSettingsFields/validate(_:previous:session:)``),
    /// and notes the fields as assigned for ``followScriptCalls()``.
    func commit(_ view: ViewSettings, assigning fields: [String]) throws {
        if view != self.view {
            var view = view
            try ViewSettingsFields.validate(&view, previous: self.view, session: self)
            self.view = view
        }
        for field in fields { scriptView.noteAssigned(field) }
    }
}
