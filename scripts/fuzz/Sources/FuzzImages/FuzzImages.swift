import Foundation
import SubpixFiles

/// PNG, PGM, CSV grids and keypoint tables from the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = try? PNGImage.read(data, path: "fuzz.png", maxBytes: 64 << 20)
    _ = try? PGM.read(data, path: "fuzz.pgm", maxBytes: 64 << 20)
    let text = String(decoding: data, as: UTF8.self)
    _ = try? TextGrid.read(text, path: "fuzz.csv", maxBytes: 64 << 20)
    _ = try? KeypointTable.readCSV(text, path: "fuzz.csv")
    _ = try? KeypointTable.readJSON(data, path: "fuzz.json")
    return 0
}
