import Foundation
import Subpix
import SubpixLanguage
import SubpixSession

extension ViewerModel {
    /// `E`: the keypoints of every `(batch, channel)` map of the viewed tensor at the
    /// current settings — the confidence rule and thresholds included, so a map
    /// without a peak has no row — as `subpix-maps.csv` (``KeypointText/mapsCSV(_:file:member:frame:)``).
    func exportEveryMap() {
        guard let viewed, viewed.tensor.shape.count >= 4 else {
            return message = "E exports every map of a (B, C, ...) tensor; e exports the list shown"
        }
        let shape = viewed.tensor.shape
        let maps = (0..<shape[0]).flatMap { batch in (0..<shape[1]).map { MapIndex(batch: batch, channel: $0) } }
        let known = statistics(name: viewed.name, revision: session.variableRevisions[viewed.name] ?? 0)
        let result = ViewComputation(session: session, tensor: viewed, statistics: known, maps: maps).compute()
        let methods = ViewComputation.methods(session.view, rank: shape.count)
        let lists = methods.enumerated().map { position, method in
            (method.name, KeypointList(maps.flatMap { result.panels[$0]?[position].keypoints.points ?? [] }))
        }
        let count = lists.map(\.1.count).reduce(0, +)
        let empty = maps.filter { result.panels[$0]?.first?.verdict?.isConfident == false }.count
        // As `subpix extract` names them: the .npz member ("" for a file of one array), frame 0 for a file.
        let member = sourceFile.map { URL(fileURLWithPath: $0).pathExtension.lowercased() == "npz" } == true ? viewed.name : ""
        let csv = KeypointText.mapsCSV(lists.map { (method: $0.0, points: $0.1) }, file: sourceFile ?? "", member: member, frame: live?.shown ?? 0)
        request(.write(ViewerFile(directory: outputDirectory, stem: "subpix-maps", ext: "csv", contents: { _ in Data(csv.utf8) }) { path in
            "wrote \(count) keypoints of \(maps.count) maps to \(path) (\(empty) without a confident peak)"
        }))
    }
}
