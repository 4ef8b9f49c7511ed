import Foundation
import Subpix

/// NumPy `.npz` archives: zip files of `.npy` members, stored (`np.savez`) or
/// deflated (`np.savez_compressed`), read through ``ZipArchive``.
public enum NPZ {
    /// The arrays of the archive, by name (without `.npy`), in archive order.
    public static func read(_ data: Data, path: String, maxBytes: Int = ReadLimits.maxBytes) throws -> [(name: String, tensor: AnyTensor)] {
        var arrays: [(name: String, tensor: AnyTensor)] = []
        try ZipArchive.forEachMember(data, path: path, maxBytes: maxBytes) { entry in
            let member = entry.name.hasSuffix(".npy") ? String(entry.name.dropLast(4)) : entry.name
            arrays.append((member, try NPY.read(Data(entry.bytes), path: "\(path)[\(member)]", maxBytes: maxBytes)))
        }
        guard !arrays.isEmpty else { throw FormatError(path, "expected a zip archive of .npy files, found none") }
        return arrays
    }
}
