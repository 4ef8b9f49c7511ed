import Subpix
import SubpixLanguage

/// Dense op outputs reduced to a list of keypoints.
enum KeypointBuiltins {
    static let all: [Builtin] = [
        Builtin("keypoints",
                [.init("coords"), .init("values", Value.none), .init("mask", Value.none), .init("top_k", Value.none), .init("min_value", Value.none),
                 .init("normalized_coordinates", .bool(false))],
                category: .keypoints,
                summary: "dense op outputs -> keypoints (batch, channel, x, y, [depth,] value), best first",
                details: "coords (B, C, 2, H, W) with values (B, C, H, W) from \(Method.convSoftArgmax2d.name), or (B, C, 3, D, H, W) with (B, C, D, H, W) from the 3D ops; or coords (B, N, 2) from \(Method.spatialSoftArgmax2d.name) (one point per map, value 1 unless values (B, N) is given), or a (B, C, H, W) map alone: its pixels (with mask=\(Method.suppression(rank: 4).name)(..., mask_only=True), the integer maxima; normalized_coordinates=True for kornia's [-1, 1] grid). mask (from \(Method.suppression(rank: 4).name)/\(Method.suppression(rank: 5).name)(..., mask_only=True)) keeps only masked positions; min_value drops lower values; top_k keeps the best per (batch, channel). A point whose coordinate or value is NaN or infinite is dropped and counted: print(kp) ends with \"2 dropped: NaN/inf\", kp.dropped is the count. kp.count, kp[i] (a keypoint: kp[i].x, .y, .value, .batch, .channel), for p in kp, print(kp, format=\"csv\"), save(kp, \"out.csv\"). A list of keypoints (a comprehension over kp: keypoints([p for p in kp if p.value > 0.5])) becomes a keypoint list again.") { a, _ in
            if let items = a["coords"].items, case .list = a["coords"] {
                let points = try items.map { item -> Keypoint in
                    guard case .keypoint(let point) = item else { throw a.error("coords", "a list of keypoints (kp[i] of a keypoint list)", got: "a list holding \(item.typeWithArticle)") }
                    return point
                }
                return .keypoints(KeypointList(points))
            }
            let coords = try a.tensor("coords")
            let values = try a.optionalTensor("values")
            let (mask, topK, minValue) = (try a.optionalMask("mask"), try a.optionalInt("top_k"), try a.optionalDouble("min_value"))
            func extract<S: SubpixScalar>(_ coords: Tensor<S>, _ values: Tensor<S>?) throws -> KeypointList {
                if coords.shape.count == 4, values == nil {
                    return try keypoints(pixelsOf: coords, mask: mask, topK: topK, minValue: minValue,
                                         normalizedCoordinates: try a.bool("normalized_coordinates"))
                }
                if coords.shape.count == 3 {
                    guard mask == nil else { throw a.error("mask", "None for \(Method.spatialSoftArgmax2d.name) coordinates (one point per map)") }
                    return try keypoints(spatialSoftArgmax: coords, values: values).filter { topK != 0 && $0.value >= minValue ?? -.infinity }
                }
                guard let values else {
                    throw a.error("values", "the values tensor that goes with coords of shape \(formatShape(coords.shape))")
                }
                return try keypoints(coords: coords, values: values, mask: mask, topK: topK, minValue: minValue)
            }
            // In the tensors' own dtype (float32 maps are never copied to float64); mixed dtypes meet in float64.
            if case .float32(let floats) = coords, values?.dtype ?? .float32 == .float32 {
                return .keypoints(try extract(floats, values?.tensor(as: Float.self)))
            }
            return .keypoints(try extract(coords.tensor(as: Double.self), values?.tensor(as: Double.self)))
        },
        Builtin("relabel", [.init("kp"), .init("batch", .int(0)), .init("channel", .int(0))],
                category: .keypoints,
                summary: "keypoints of a one-map slice, labelled with the batch and channel the map has in the whole tensor",
                details: "x = heat[3:4, 7:8] gives a (1, 1, H, W) map whose keypoints are labelled batch 0, channel 0; relabel(kp, batch=3, channel=7) labels them 3, 7 again, as the viewer's list and export do.") { a, _ in
            guard case .keypoints(let list) = a["kp"] else { throw a.error("kp", "keypoints") }
            let (batch, channel) = (try a.int("batch"), try a.int("channel"))
            guard batch >= 0 else { throw a.error("batch", "an integer >= 0") }
            guard channel >= 0 else { throw a.error("channel", "an integer >= 0") }
            return .keypoints(list.relabelled(batch: batch, channel: channel))
        },
    ]
}
