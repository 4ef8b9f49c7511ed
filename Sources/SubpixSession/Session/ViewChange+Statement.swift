extension ViewChange {
    /// The one statement `changes` correspond to, as the journal and `w` print it:
    /// `view.temperature = 0.8`, or for several fields, checked together,
    /// `view.kernel_size, view.padding = (5, 5), (2, 2)`.
    ///
    /// This is the only place view changes become script text; nothing parses it back.
    public static func statement(_ changes: [ViewChange]) -> String {
        changes.map { "view.\($0.field)" }.joined(separator: ", ") + " = " + changes.map(\.value.repr).joined(separator: ", ")
    }
}
