import Foundation
import SubpixFiles

/// `i` and `:snapshot("view.png")`: the view as a picture, from inside the viewer.
extension ViewerModel {
    /// `i`: asks for `subpix-view.png` (`-2`, `-3`, … never overwriting) in the output directory.
    func writeSnapshot() {
        do {
            // In the grid, the grid: every map along its axis.
            let image = grid != nil ? try GridSnapshot(self).picture().render() : try ViewSnapshot(self).checkedPicture().render()
            request(.write(ViewerFile(directory: outputDirectory, stem: "subpix-view", ext: "png") { url in
                try PNGImage.encode(image, path: url.path)
            }))
        } catch {
            message = "\(error)"
        }
    }

    /// Lets `snapshot(path)` in the session picture this viewer (relative paths from the output directory).
    func installSnapshotHook() {
        session.writeSnapshot = { [weak self] path, overwrite in
            guard let self else { return nil }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : outputDirectory.appendingPathComponent(path)
            return grid != nil ? try GridSnapshot(self).write(to: url.path, overwrite: overwrite)
                : try ViewSnapshot(self).write(to: url.path, overwrite: overwrite)
        }
    }
}
