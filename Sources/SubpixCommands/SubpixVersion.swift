
/// The product version: the REPL banner and `subpix --version` show it.
public enum SubpixVersion {
    public static let string = "0.1.0"
}
