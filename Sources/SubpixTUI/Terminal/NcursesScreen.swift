import CNcurses
import Foundation
import SubpixLanguage

/// The only code that talks to ncurses: picks the colour mode, starts and ends
/// curses mode, copies a ``CellBuffer`` to the screen cell by cell (ncurses sends
/// only what changed), and reads keys.
///
/// Colour: `requested` (`--colors`) or ``ColorMode/detect(terminfoColors:directColor:environment:)``
/// decides the mode. True colour needs a direct-colour terminfo entry (ncurses then takes
/// colour numbers as `0xRRGGBB`): the user's own when it is one (`xterm-direct`,
/// `tmux-direct`, …), else ``DirectColorTerminfo`` derived from it. Without either the
/// viewer stays with 256 colours and says so in the panel.
final class NcursesScreen: Screen {
    let colorMode: ColorMode
    private let screen: OpaquePointer
    /// The terminal entry is a direct-colour one: colour numbers are 24-bit RGB values.
    private let direct: Bool
    private var pairs: [ColorPair: Int32] = [:]
    private var nextPair: Int32 = 1

    /// Enters curses mode in the `requested` colour mode, or the detected one when nil.
    init(requested: ColorMode?) throws {
        setlocale(LC_ALL, "")
        let environment = ProcessInfo.processInfo.environment
        let term = environment["TERM"] ?? "unknown"
        var colors: Int32 = 0, declaresDirect: Int32 = 0, addressable: Int32 = 0
        guard subpix_probe_terminal(term, &colors, &declaresDirect, &addressable) == 0 else {
            throw ScriptError("subpix view: no terminfo entry for TERM=\(term); set TERM to your terminal's type (e.g. xterm-256color)")
        }
        // A terminal that cannot move the cursor (TERM=dumb, a printing terminal) would get garbage.
        guard addressable != 0 else {
            throw ScriptError("subpix view: TERM=\(term) cannot move the cursor; set TERM to your terminal's type (e.g. xterm-256color)")
        }
        let nativeDirect = declaresDirect != 0 || colors >= 1 << 24
        let wanted = requested ?? ColorMode.detect(terminfoColors: Int(colors), directColor: nativeDirect, environment: environment)
        var name = term, directory: URL?
        if wanted == .trueColor, !nativeDirect {
            let entry = DirectColorTerminfo(base: term)
            directory = entry.compile(into: DirectColorTerminfo.directory(environment: environment))
            if directory != nil { name = entry.name }
        }
        let opened: OpaquePointer? = Self.withTerminfo(directory) { subpix_newterm(name) }
        guard let opened else { throw ScriptError("subpix view: cannot start the terminal TERM=\(name)") }
        screen = opened
        // Esc closes overlays at once: wait at most 25 ms for the rest of an escape sequence.
        set_escdelay(25)
        cbreak()
        noecho()
        keypad(subpix_stdscr(), true)
        // Home and End as xterm, VT220/screen/tmux and rxvt send them, whatever TERM claims.
        for (sequence, code) in [("[1~", KEY_HOME), ("[H", KEY_HOME), ("OH", KEY_HOME), ("[4~", KEY_END), ("[F", KEY_END), ("OF", KEY_END)] {
            define_key("\u{1B}" + sequence, code)
        }
        curs_set(0)
        timeout(100)
        if wanted != .ascii, has_colors() {
            start_color()
            use_default_colors()
        }
        let available = has_colors() ? Int(subpix_colors()) : 0
        direct = available >= 1 << 24
        switch wanted {
        case .ascii: colorMode = .ascii
        case .trueColor: colorMode = direct ? .trueColor : (available >= 256 ? .xterm256 : .ascii)
        case .xterm256: colorMode = available >= 256 ? .xterm256 : .ascii
        }
        subpix_enable_clicks()
    }

    /// Runs `body` with `TERMINFO` pointing at `directory` (when given), restoring it after.
    private static func withTerminfo<T>(_ directory: URL?, _ body: () -> T) -> T {
        guard let directory else { return body() }
        let previous = getenv("TERMINFO").map { String(cString: $0) }
        setenv("TERMINFO", directory.path, 1)
        defer { if let previous { setenv("TERMINFO", previous, 1) } else { unsetenv("TERMINFO") } }
        return body()
    }

    /// Leaves curses mode and restores the terminal.
    func close() {
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    var size: (width: Int, height: Int) { (Int(subpix_cols()), Int(subpix_lines())) }

    func draw(_ buffer: CellBuffer) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                let pair = colorMode == .ascii ? 0 : self.pair(ColorPair(foreground: number(cell.foreground), background: number(cell.background)))
                let text = pair != 0 && Self.isErasable(buffer, x, y) ? [Self.paintedBlank, 0] : Self.cellText(cell.glyph)
                _ = text.withUnsafeBufferPointer { subpix_put_cell(Int32(y), Int32(x), $0.baseAddress, pair, cell.bold ? 1 : 0) }
            }
        }
        refresh()
    }

    /// The zero-terminated wide characters of `glyph` as a cell holds them: its spacing
    /// character and the combining characters after it (`x̂` is `x` and U+0302), at most
    /// `CCHARW_MAX` in all. Only the first reached the terminal before, so `x̂` showed as `x`.
    static func cellText(_ glyph: Character) -> [wchar_t] {
        glyph.unicodeScalars.prefix(Int(subpix_cell_characters())).map { wchar_t($0.value) } + [0]
    }

    /// A blank on a coloured background, written as a no-break space: ncurses clears a
    /// run of true blanks with ECH / EL where the entry offers them, and terminals that
    /// erase without the background colour (tmux under `TERM=xterm-256color`) left the
    /// explain popup's empty cells black. A no-break space is drawn, never erased.
    static let paintedBlank = wchar_t(0xA0)

    /// Whether cell (x, y) is a blank on a background colour next to one like it: the
    /// runs ncurses would erase (a single space between words stays a space).
    static func isErasable(_ buffer: CellBuffer, _ x: Int, _ y: Int) -> Bool {
        let cell = buffer[x, y]
        guard cell.glyph == " ", cell.background != .standard else { return false }
        return (x > 0 && buffer[x - 1, y] == cell) || (x + 1 < buffer.width && buffer[x + 1, y] == cell)
    }

    /// The ncurses colour number: `-1` for the default; on a direct-colour entry
    /// `0xRRGGBB` (lifted to at least 8: entries such as `xterm-direct` read 0–7 as the
    /// system colours), otherwise the xterm index.
    private func number(_ color: TerminalColor) -> Int32 {
        switch color {
        case .standard: -1
        case .indexed(let index): direct ? max(8, Int32(Xterm.rgb(index).hex)) : Int32(index)
        case .rgb(let rgb): direct ? max(8, Int32(rgb.hex)) : Int32(Xterm.nearest(rgb))
        }
    }

    private struct ColorPair: Hashable {
        let foreground: Int32
        let background: Int32
    }

    /// A colour pair, allocated on first use; when the terminal's pairs run out the
    /// cache starts over (the next frame redraws everything).
    private func pair(_ colors: ColorPair) -> Int32 {
        if let existing = pairs[colors] { return existing }
        if nextPair >= min(subpix_color_pairs(), 65535) {
            pairs.removeAll()
            nextPair = 1
        }
        let number = nextPair
        nextPair += 1
        init_extended_pair(number, colors.foreground, colors.background)
        pairs[colors] = number
        return number
    }

    var now: Date { Date() }

    func takeInterrupt() -> Bool { StopSignals.takeInterrupt() }

    func nextEvent(timeout milliseconds: Int) -> ViewerEvent? {
        timeout(Int32(milliseconds))
        return readInput()
    }

    /// The next input as a viewer event, `nil` when none came within the timeout.
    private func readInput() -> ViewerEvent? {
        var character: wint_t = 0
        let status = get_wch(&character)
        if status == ERR { return nil }
        if status == KEY_CODE_YES {
            switch Int32(character) {
            case KEY_RESIZE: return .resize(width: size.width, height: size.height)
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                return .click(column: Int(event.x), row: Int(event.y))
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            default: return nil
            }
        }
        switch character {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 127, 8: return .key(.backspace)
        case 9: return .key(.tab)
        default:
            guard let scalar = UnicodeScalar(UInt32(character)) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
