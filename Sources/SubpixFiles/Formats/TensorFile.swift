import Foundation
import Subpix
import SubpixLanguage
import SubpixPictures

/// What a file holds once loaded.
public enum LoadedFile: Sendable {
    case tensor(AnyTensor)
    /// An `.npz` archive or a `.pt` file of several tensors: arrays by name.
    case arrays([(name: String, tensor: AnyTensor)])
    case keypoints(KeypointList)
}

/// Loading and saving by file extension.
///
/// Shape rule: a 2D array or image loads as `(1, 1, H, W)`, a 1D array as
/// `(1, 1, 1, N)`; arrays of 3 or more axes keep their shape, as `np.load` gives
/// them (a `(B, K, 2)` array of points stays `(B, K, 2)`; a `(K, H, W)` stack
/// becomes maps with `x[None]`). The viewer shows a 3D array as the volume
/// `(1, 1, D, H, W)` (``viewed(_:)``).
public enum TensorFile {
    public static let readable = ["npy", "npz", "pt", "pth", "csv", "txt", "pgm", "png", "json"]

    public static func load(_ path: String, maxBytes: Int = ReadLimits.maxBytes) throws -> LoadedFile {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard readable.contains(ext) else {
            throw FormatError(path, "unknown file type '.\(ext)'; expected one of \(readable.map { "." + $0 }.joined(separator: ", "))")
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw FormatError(path, MissingFile.message(path)) }
        let size = Int(status.st_size)
        guard size <= maxBytes + (1 << 20) else { throw FormatError(path, "file of \(size) bytes exceeds the \(maxBytes)-byte limit") }
        if ext == "npy" { return .tensor(try withBatchAxes(NPY.load(path, maxBytes: maxBytes))) }
        guard let data = FileManager.default.contents(atPath: path) else { throw FormatError(path, "cannot read the file") }
        return try decode(data, path: path, maxBytes: maxBytes)
    }

    /// The kind of archive a file of several arrays at `path` is (``LoadedFile/arrays(_:)``):
    /// a `torch.save` file (`.pt`, `.pth`) or an `.npz`.
    public static func archiveKind(of path: String) -> TensorArchive.Kind {
        ["pt", "pth"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()) ? .pt : .npz
    }

    /// Decodes the bytes of a file by `path`'s extension (which ``load(_:maxBytes:)`` has checked).
    static func decode(_ data: Data, path: String, maxBytes: Int) throws -> LoadedFile {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "npy": return .tensor(try withBatchAxes(NPY.read(data, path: path, maxBytes: maxBytes)))
        case "npz": return .arrays(try NPZ.read(data, path: path, maxBytes: maxBytes).map { ($0.name, try withBatchAxes($0.tensor)) })
        case "pt", "pth":
            switch try TorchFile.read(data, path: path, maxBytes: maxBytes) {
            case .tensor(let tensor): return .tensor(try withBatchAxes(tensor))
            case .arrays(let tensors): return .arrays(try tensors.map { ($0.name, try withBatchAxes($0.tensor)) })
            case .keypoints(let points): return .keypoints(points)
            }
        case "pgm": return .tensor(.float32(try PGM.read(data, path: path, maxBytes: maxBytes)))
        case "png": return .tensor(.float32(try PNGImage.read(data, path: path, maxBytes: maxBytes)))
        case "json": return .keypoints(KeypointTable.finite(try KeypointTable.readJSON(data, path: path)))
        default:
            let text = String(decoding: data, as: UTF8.self)
            if KeypointTable.isKeypointCSV(text) { return .keypoints(KeypointTable.finite(try KeypointTable.readCSV(text, path: path))) }
            return .tensor(.float32(try TextGrid.read(text, path: path, maxBytes: maxBytes)))
        }
    }

    /// Adds the batch and channel axes the shape rule gives 1D and 2D arrays.
    static func withBatchAxes(_ tensor: AnyTensor) throws -> AnyTensor {
        switch tensor.shape.count {
        case 1: try tensor.reshaped([1, 1, 1] + tensor.shape)
        case 2: try tensor.reshaped([1, 1] + tensor.shape)
        default: tensor
        }
    }

    /// How many leading axes of size 1 the viewer adds to a loaded tensor of `rank`:
    /// two to a 3D array, shown as the volume `(1, 1, D, H, W)`; none to the others.
    public static func axesTheViewerAdds(toRank rank: Int) -> Int { rank == 3 ? 2 : 0 }

    /// The statement that gives `variable`, holding an array of `rank` axes, the axes the
    /// viewer adds (`x = x[None, None]` for a 3D array), so that a script the viewer
    /// writes computes on what it showed; nil when it adds none.
    public static func viewerAxesStatement(_ variable: String, rank: Int) -> String? {
        let added = axesTheViewerAdds(toRank: rank)
        guard added > 0 else { return nil }
        return "\(variable) = \(variable)[\(Array(repeating: "None", count: added).joined(separator: ", "))]"
    }

    /// A loaded tensor as the viewer shows it (``axesTheViewerAdds(toRank:)``).
    public static func viewed(_ tensor: AnyTensor) throws -> AnyTensor {
        let added = axesTheViewerAdds(toRank: tensor.shape.count)
        return added == 0 ? tensor : try tensor.reshaped(Array(repeating: 1, count: added) + tensor.shape)
    }

    /// Encodes a tensor or mask (`.npy`, `.csv`), keypoints (`.csv`, `.json`) or a picture (`.png`) by the path's extension.
    public static func encode(_ value: SavedValue, for path: String) throws -> Data {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        switch (value, ext) {
        case (.tensor(let t), "npy"): return NPY.encode(t)
        case (.mask(let m), "npy"): return NPY.encode(m)
        case (.tensor(let t), "csv"), (.tensor(let t), "txt"): return Data(try TextGrid.encode(t, path: path).utf8)
        case (.mask(let m), "csv"), (.mask(let m), "txt"): return Data(try TextGrid.encode(.float32(m.map { $0 ? 1 : 0 }), path: path).utf8)
        case (.keypoints(let k), "csv"): return Data(KeypointText.csv(k).utf8)
        case (.keypoints(let k), "json"): return Data(KeypointText.json(k).utf8)
        case (.picture(let image), "png"): return try PNGImage.encode(image, path: path)
        case (.picture, _): throw FormatError(path, "cannot save a picture as '.\(ext)'; expected .png")
        case (.tensor, _): throw FormatError(path, "cannot save a tensor as '.\(ext)'; expected .npy, .csv or .png")
        case (.mask, _): throw FormatError(path, "cannot save a mask as '.\(ext)'; expected .npy or .csv")
        case (.keypoints, _): throw FormatError(path, "cannot save keypoints as '.\(ext)'; expected .csv or .json")
        }
    }
}

/// Something `save` can write.
public enum SavedValue: Sendable {
    case tensor(AnyTensor)
    /// Saved as a `bool` `.npy` (`|b1`), or 0/1 in a CSV grid.
    case mask(Mask)
    case keypoints(KeypointList)
    /// A rendered heatmap (``HeatmapPicture``), for `.png`.
    case picture(RGBImage)
}
