extension ViewerModel {
    /// The palette the shown map is drawn with, in the model's colour mode (`auto`
    /// resolved by the map's sign); nil without a map.
    public var palette: Palette? {
        slice.map { Palette.resolve(session.view.palette, signed: $0.isSigned, mode: colorMode) }
    }
}
