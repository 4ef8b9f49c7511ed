import Foundation
import Subpix

/// PyTorch `.pt` files in the zip format `torch.save` writes (PyTorch ≥ 1.6):
/// a tensor, or a dict, list or tuple of tensors (nested ones too, as in a
/// checkpoint). The pickle is read by ``TorchPickle``, which follows the data
/// and never executes anything; each tensor is gathered from its storage by
/// its offset and strides, so views (a transpose, a slice) read as torch shows them.
/// float64 stays float64; float16, integers and bools become float32.
public enum TorchFile {
    /// The most containers and tensors a file may nest or share before it is refused
    /// (a pickle can make a value that reaches itself, or exponentially many paths).
    static let maxNodes = 1 << 16

    /// Reads a `.pt` file held in `data`; `path` names it in errors. A single tensor
    /// gives ``LoadedFile/tensor(_:)``; containers give their tensors by name
    /// (`state_dict` keys; list positions; nested names joined with `.`).
    public static func read(_ data: Data, path: String, maxBytes: Int = ReadLimits.maxBytes) throws -> LoadedFile {
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw FormatError(path, "expected the zip format torch.save writes (PyTorch 1.6 and later), got \(data.count) bytes without it")
        }
        var members: [String: [UInt8]] = [:]
        try ZipArchive.forEachMember(data, path: path, maxBytes: maxBytes) { members[$0.name] = $0.bytes }
        guard let pickleName = members.keys.filter({ $0.hasSuffix("data.pkl") }).min(by: { $0.count < $1.count }),
              let pickle = members[pickleName] else {
            throw FormatError(path, "expected a data.pkl in the archive, got \(members.keys.sorted().prefix(4).joined(separator: ", "))")
        }
        let prefix = String(pickleName.dropLast("data.pkl".count))
        let littleEndian = members[prefix + "byteorder"].map { String(decoding: $0, as: UTF8.self) != "big" } ?? true
        var reader = TorchPickle(pickle, path: path)
        let root = try reader.load()
        var found = Found(containers: reader.containers, path: path)
        try found.collect(root, name: nil)
        let tensors = try found.tensors.map { name, tensor in
            (name, try materialize(tensor, storage: members[prefix + "data/" + tensor.storage.key], littleEndian: littleEndian, path: path, maxBytes: maxBytes))
        }
        if case .tensor = root, let only = tensors.first { return .tensor(only.1) }
        guard !tensors.isEmpty else { throw FormatError(path, "expected tensors in the file, found \(root.kind) holding none") }
        return .arrays(tensors)
    }

    /// The tensors of a pickled value, depth first, with their names.
    private struct Found {
        let containers: PickleValue.Containers
        let path: String
        var tensors: [(String, TorchTensor)] = []
        var visited = 0

        mutating func collect(_ value: PickleValue, name: String?) throws {
            visited += 1
            guard visited <= TorchFile.maxNodes else {
                throw FormatError(path, "expected at most \(TorchFile.maxNodes) containers and tensors, the pickle reaches more (a cycle?)")
            }
            func joined(_ key: String) -> String { name.map { "\($0).\(key)" } ?? key }
            switch value {
            case .tensor(let tensor): tensors.append((name ?? "0", tensor))
            case .tuple(let items): for (index, item) in items.enumerated() { try collect(item, name: joined(String(index))) }
            case .list(let index): for (position, item) in containers.lists[index].enumerated() { try collect(item, name: joined(String(position))) }
            case .dict(let index): for (key, item) in containers.dicts[index] { try collect(item, name: joined(Self.keyName(key))) }
            default: break   // numbers, strings, devices: a checkpoint's other contents
            }
        }

        static func keyName(_ key: PickleValue) -> String {
            switch key {
            case .string(let text): text
            case .int(let number): String(number)
            default: key.kind
            }
        }
    }

    /// The tensor's elements gathered from its storage's bytes.
    private static func materialize(_ tensor: TorchTensor, storage bytes: [UInt8]?, littleEndian: Bool, path: String, maxBytes: Int) throws -> AnyTensor {
        let key = tensor.storage.key
        guard let bytes else { throw FormatError(path, "a tensor's storage data/\(key) is not in the archive") }
        guard let dtype = tensor.storage.dtype else { throw FormatError(path, "storage data/\(key) has no dtype") }
        let count = try ReadLimits.check(tensor.shape, elementSize: dtype.size, path: path, maxBytes: maxBytes)
        let (storageBytes, overflow) = tensor.storage.count.multipliedReportingOverflow(by: dtype.size)
        guard !overflow, storageBytes <= bytes.count else {
            throw FormatError(path, "storage data/\(key) claims \(tensor.storage.count) elements of \(dtype.rawValue), the archive holds \(bytes.count) bytes")
        }
        guard tensor.offset >= 0, tensor.strides.allSatisfy({ $0 >= 0 }) else {
            throw FormatError(path, "expected a non-negative offset and strides, got offset \(tensor.offset), strides \(tensor.strides)")
        }
        if count > 0 {
            var last = tensor.offset
            for (size, stride) in zip(tensor.shape, tensor.strides) {
                let (step, stepOverflow) = (size - 1).multipliedReportingOverflow(by: stride)
                let (sum, sumOverflow) = last.addingReportingOverflow(step)
                guard !stepOverflow, !sumOverflow else { last = .max; break }
                last = sum
            }
            guard last < tensor.storage.count else {
                throw FormatError(path, "a tensor of shape \(formatShape(tensor.shape)), strides \(tensor.strides) at offset \(tensor.offset) reaches past its storage of \(tensor.storage.count) elements")
            }
        }
        let element = try NPYHeader.ElementType(dtype.descr(littleEndian: littleEndian), path: path)
        var values = [Double](repeating: 0, count: count)
        bytes.withUnsafeBufferPointer { buffer in
            var index = [Int](repeating: 0, count: tensor.shape.count)
            var position = tensor.offset
            for flat in 0..<count {
                values[flat] = element.decode(buffer.baseAddress! + position * dtype.size)
                // The next index in C order, and its position in the storage.
                var axis = tensor.shape.count - 1
                while axis >= 0 {
                    index[axis] += 1
                    position += tensor.strides[axis]
                    if index[axis] < tensor.shape[axis] { break }
                    position -= tensor.strides[axis] * index[axis]
                    index[axis] = 0
                    axis -= 1
                }
            }
        }
        if dtype == .float64 { return .float64(try Tensor(shape: tensor.shape, elements: values)) }
        return .float32(try Tensor(shape: tensor.shape, elements: values.map(Float.init)))
    }
}
