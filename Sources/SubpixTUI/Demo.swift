import SubpixSession


/// The built-in demo: a heatmap with three known sub-pixel peaks, and its
/// difference-of-Gaussians volume (`v` switches to it), built by statements
/// so that a saved session replays it.
public enum Demo {
    public static let statements = """
        demo = gaussians(size=(48, 64), peaks=[(14.3, 12.7, 2.5, 1.0), (40.6, 30.2, 3.5, 0.8), (52.2, 10.5, 1.8, 0.6)], noise=0.02, seed=7)
        demo_dog = dog(demo, levels=4, sigma=1.6)
        view.input = "demo"
        view.min_value = 0.1
        """

    /// Loads the demo into `session`.
    public static func load(into session: Session) throws {
        try session.execute(statements)
    }
}
