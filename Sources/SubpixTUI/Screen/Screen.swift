import Foundation

/// What the viewer draws on and reads its input from, as a ratatui `Backend` is:
/// the terminal (`NcursesScreen`) or memory (``MemoryScreen``, for tests).
///
/// ``ViewerApp/run(on:shouldStop:)`` runs the same loop on either: keys and
/// resizes come in through ``InputSource/nextEvent(timeout:)``, each frame goes
/// out as one ``CellBuffer`` through ``draw(_:)``.
public protocol Screen: InputSource {
    /// The colours it shows (the renderer picks glyphs and colours for this mode).
    var colorMode: ColorMode { get }
    /// Its size in cells, now.
    var size: (width: Int, height: Int) { get }
    /// Shows `buffer`, the whole screen.
    func draw(_ buffer: CellBuffer)
}
