import Foundation
import Subpix

/// Reading and writing files, and running other scripts.
enum FileBuiltins {
    /// How deep `source(...)` may nest before it is a runaway recursion.
    static let maximumSourceDepth = 16

    static let all: [Builtin] = [
        Builtin("load", [.init("path")],
                summary: "read .npy .npz .csv .txt .pgm .png (tensors) or keypoint .csv/.json",
                details: "A 2D array or image loads as (1, 1, H, W), a 3D .npy as (1, 1, D, H, W), 1D as (1, 1, 1, N); 4D/5D keep their shape. Images scale to [0, 1]; colour becomes luminance. .npz gives a tuple of its arrays. Size limit: SUBPIX_MAX_BYTES (default 2 GiB).") { a, _ in
            switch try TensorFile.load(try a.string("path")) {
            case .tensor(let t): return .tensor(t)
            case .keypoints(let k): return .keypoints(k)
            case .arrays(let arrays): return arrays.count == 1 ? .tensor(arrays[0].tensor) : .tuple(arrays.map { .tensor($0.tensor) })
            }
        },
        Builtin("save", [.init("value"), .init("path"), .init("overwrite", .bool(false))],
                summary: "write a tensor (.npy, .csv) or keypoints (.csv, .json) atomically; never overwrites unless overwrite=True",
                journaled: false) { a, session in
            let path = try a.string("path")
            let saved: SavedValue
            switch a["value"] {
            case .tensor(let t): saved = .tensor(t)
            case .keypoints(let k): saved = .keypoints(k)
            case .mask(let m): saved = .tensor(.float32(m.map { $0 ? 1 : 0 }))
            default: throw ScriptError("save(): expected a tensor or keypoints, got a \(a["value"].typeName)")
            }
            let written = try AtomicFile.write(try TensorFile.encode(saved, for: path), to: path, overwrite: try a.bool("overwrite"))
            session.output("saved \(written)")
            return .none
        },
        Builtin("source", [.init("path")], summary: "run another script file in this session", journaled: false) { a, session in
            let path = try a.string("path")
            guard session.sourceDepth < maximumSourceDepth else {
                throw ScriptError("source(): scripts nested deeper than \(maximumSourceDepth) (runaway recursion?) at \(path)")
            }
            guard let data = FileManager.default.contents(atPath: path) else { throw ScriptError("source(): cannot read \(path)") }
            session.sourceDepth += 1
            defer { session.sourceDepth -= 1 }
            do {
                return try session.execute(String(decoding: data, as: UTF8.self)) ?? .none
            } catch let error as ScriptError {
                throw ScriptError("in \(path)\(error.position.map { ":\($0)" } ?? ""): \(error.message)")
            }
        },
    ]
}
