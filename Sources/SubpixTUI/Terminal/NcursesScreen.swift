import CNcurses
import Foundation

/// The only code that talks to ncurses: starts and ends curses mode, copies a
/// ``CellBuffer`` to the screen cell by cell (ncurses sends only what changed),
/// and reads keys.
final class NcursesScreen {
    let colorMode: ColorMode
    private var pairs: [Int32: Int32] = [:]
    private var nextPair: Int32 = 1

    /// Enters curses mode; `ascii` forces the character ramp.
    init(ascii: Bool) {
        setlocale(LC_ALL, "")
        // Esc closes overlays at once: wait at most 25 ms for the rest of an escape sequence.
        set_escdelay(25)
        initscr()
        cbreak()
        noecho()
        keypad(subpix_stdscr(), true)
        curs_set(0)
        timeout(100)
        if !ascii && has_colors() {
            start_color()
            use_default_colors()
        }
        colorMode = !ascii && has_colors() && subpix_colors() >= 256 ? .xterm256 : .ascii
        subpix_enable_clicks()
    }

    /// Leaves curses mode and restores the terminal.
    func close() {
        curs_set(1)
        endwin()
    }

    var size: (width: Int, height: Int) { (Int(subpix_cols()), Int(subpix_lines())) }

    func draw(_ buffer: CellBuffer) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                let glyph = wchar_t(cell.glyph.unicodeScalars.first?.value ?? 32)
                let pair = colorMode == .ascii ? 0 : self.pair(cell.foreground, cell.background)
                _ = subpix_put_cell(Int32(y), Int32(x), glyph, pair, cell.bold ? 1 : 0)
            }
        }
        refresh()
    }

    /// A colour pair for (fg, bg), allocated on first use; when the terminal's
    /// pairs run out the cache starts over (the next frame redraws everything).
    private func pair(_ foreground: Int16, _ background: Int16) -> Int32 {
        let key = Int32(foreground) << 16 | Int32(UInt16(bitPattern: background))
        if let existing = pairs[key] { return existing }
        if nextPair >= min(subpix_color_pairs(), 65535) {
            pairs.removeAll()
            nextPair = 1
        }
        let number = nextPair
        nextPair += 1
        init_extended_pair(number, Int32(foreground), Int32(background))
        pairs[key] = number
        return number
    }

    /// The next input as a viewer event, `nil` after the 100 ms timeout.
    func readInput() -> ViewerEvent? {
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
