import SubpixPictures
import SubpixSession

/// One map of the grid's page as its panel draws it: the map, sampled for the
/// panel's pane, and where its points land. `update` makes them; the renderer reads them.
public struct GridPanel: Sendable {
    /// What a page's panels are made from.
    struct Key: Hashable {
        var name: String
        var revision: Int
        var maps: [MapIndex]
        var depth: Int
        var layout: Layout
        var reduction: BlockReduction
    }

    public let index: MapIndex
    public let slice: MapSlice
    public let image: PaneImage
    public let placement: Placement
}
