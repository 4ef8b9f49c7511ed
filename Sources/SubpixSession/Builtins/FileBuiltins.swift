import Foundation
import Subpix
import SubpixFiles
import SubpixLanguage

/// Reading and writing files, and running other scripts.
enum FileBuiltins {
    /// How deep `source(...)` may nest before it is a runaway recursion.
    static let maximumSourceDepth = 16
    /// The start of the runaway-recursion message, which outer `source` calls pass on unwrapped.
    static let runaway = "source(): scripts nested deeper than \(maximumSourceDepth)"

    static let all: [Builtin] = [
        Builtin("load", [.init("path"), .init("name", Value.none)], category: .file,
                summary: "read a tensor from .npy .csv .txt .pgm .png, the arrays of an .npz or the tensors of a torch.save .pt by name, or keypoints from a keypoint .csv/.json",
                details: "Shapes: a 2D array or image loads as (1, 1, H, W), 1D as (1, 1, 1, N); arrays of 3 or more axes keep their shape, as np.load gives them (a (B, K, 2) array of points stays (B, K, 2); a (K, H, W) stack becomes maps with x[None], a (D, H, W) volume with x[None, None]; subpix view shows a 3D array as a volume). .npy: float32/float64 (float16, integers and bools become float32), either byte order, C or Fortran order. Images scale to [0, 1]; colour becomes luminance. An .npz gives its arrays by name, as np.load does: f = load(\"a.npz\"); f[\"heatmaps\"], f.keys(); load(\"a.npz\", \"heatmaps\") reads one; a, b = load(\"pair.npz\") unpacks them in file order. A .pt (or .pth) written by torch.save gives its tensor, or the tensors of a dict, list or tuple by name as an .npz does (a state_dict's keys, list positions, nested names joined with '.'); it is read without executing anything, accepting only the globals torch.load(weights_only=True) allows. Files larger than SUBPIX_MAX_BYTES (default 2 GiB) are refused.") { a, _ in
            let (path, name) = (try a.string("path"), try a.optionalString("name"))
            switch try TensorFile.load(path) {
            case .arrays(let arrays):
                let archive = TensorArchive(path: path, kind: TensorFile.archiveKind(of: path), members: arrays)
                return try name.map { .tensor(try archive.tensor(named: $0)) } ?? .archive(archive)
            case .tensor(let t) where name == nil: return .tensor(t)
            case .keypoints(let k) where name == nil: return .keypoints(k)
            default: throw a.error("name", "None for a file that is not an .npz or a .pt of several tensors")
            }
        },
        Builtin("save", [.init("value"), .init("path"), .init("overwrite", .bool(false))] + PictureOptions.parameters, category: .file,
                summary: "write a tensor or mask (.npy, .csv, or a picture .png; a mask as a bool .npy) or keypoints (.csv, .json); never replaces a file unless overwrite=True (or subpix repl/run --force)",
                details: "The file is written whole or not at all (temporary file, then rename); the path written is reported on stderr (subpix run/repl --quiet silences it). A 4D tensor saves as CSV only when it is a single (1, 1, H, W) map. A .png is a picture of a single map: grey unless palette= names one (viridis, magma, gray, diverging, auto), scaled to the map's range (signed maps centred on 0) or to range=(lo, hi), each pixel scale×scale (1 to \(PictureOptions.largestUpscale)), keypoints= (keypoints in pixel coordinates, or a list of them) marked with the viewer's method glyphs in order, and a colour bar underneath with its low, middle and high values, in a 6-pixel margin. grid=True pictures every map of a (B, C, H, W) tensor, a row per batch item, each under a label naming it with its keypoint count (keypoints= lists are split by batch and channel) or NO PEAK where view.confidence and view.confidence_share find none.") { a, session in
            let path = try a.string("path")
            let saved: SavedValue
            switch a["value"] {
            case .tensor(let t) where PictureOptions.isPicture(path): saved = .picture(try PictureOptions.picture(of: t, a, rule: session.view.confidenceRule))
            case .mask(let m) where PictureOptions.isPicture(path): saved = .picture(try PictureOptions.picture(of: .float32(m.map { $0 ? 1 : 0 }), a, rule: session.view.confidenceRule))
            case .tensor(let t): saved = .tensor(t)
            case .keypoints(let k): saved = .keypoints(k)
            case .mask(let m): saved = .mask(m)
            default: throw a.error("value", "a tensor, a mask or keypoints")
            }
            if !PictureOptions.isPicture(path) { try PictureOptions.requireNone(a, path: path) }
            let written = try AtomicFile.write(try TensorFile.encode(saved, for: path), to: path, overwrite: try a.bool("overwrite") || session.overwritesFiles)
            session.report("saved \(written)")
            return .none
        },
        Builtin("snapshot", [.init("path"), .init("overwrite", .bool(false))], category: .file,
                summary: "in the viewer (`:snapshot(\"view.png\")`): write what the heatmap pane shows, markers and colour bar included, as a PNG",
                details: "Only inside subpix view (the `i` key does the same with a fresh name); elsewhere use save(x, \"map.png\", palette=..., scale=..., keypoints=...) or subpix view FILE --snapshot out.png.") { a, session in
            let path = try a.string("path")
            guard let written = try session.writeSnapshot?(path, try a.bool("overwrite") || session.overwritesFiles) else {
                throw ScriptError("snapshot(): only in the viewer (subpix view); in scripts use save(x, \"map.png\", ...) or subpix view FILE --snapshot out.png")
            }
            session.output("saved \(written)")
            return .none
        },
        Builtin("source", [.init("path")], category: .file,
                summary: "run a script file in this session (its variables and view settings stay); returns its last expression's value",
                details: "Relative paths are relative to the working directory. Scripts may source others up to \(maximumSourceDepth) deep.") { a, session in
            let path = try a.string("path")
            guard session.sourceDepth < maximumSourceDepth else {
                throw ScriptError("\(runaway) (runaway recursion?) at \(path)")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw a.error("path", "a readable script file")
            }
            session.sourceDepth += 1
            defer { session.sourceDepth -= 1 }
            do {
                return try session.execute(String(decoding: data, as: UTF8.self)) ?? .none
            } catch let error as ScriptError {
                // Positions inside the sourced file are named in the message; the error itself
                // is positioned at this call.
                if error.message.hasPrefix(runaway) { throw ScriptError(error.message) }
                throw ScriptError("in \(path)\(error.position.map { ":\($0)" } ?? ""): \(error.message)")
            }
        },
    ]
}
