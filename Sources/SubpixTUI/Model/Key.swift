/// A key press, decoded by the terminal backend.
public enum Key: Sendable, Equatable {
    case character(Character)
    case up, down, left, right
    case enter, backspace, escape, tab
    case pageUp, pageDown
    case home, end
}
