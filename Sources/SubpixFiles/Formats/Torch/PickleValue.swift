/// A value the restricted unpickler (``TorchPickle``) builds: plain data, the
/// containers `torch.save` writes, the globals it names, and tensors.
///
/// Lists and dicts live in the unpickler's ``PickleValue/Containers`` and are
/// referred to by index, so that `APPEND`/`SETITEM` reach every copy on the stack
/// and in the memo, as they would in Python, without reference cycles.
enum PickleValue {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case tuple([PickleValue])
    case list(Int)
    case dict(Int)
    /// An allowed global, by its full name (`torch._utils._rebuild_tensor_v2`).
    case global(String)
    /// A storage named by a persistent id: its dtype, key in the archive and element count.
    case storage(TorchStorage)
    case tensor(TorchTensor)
    /// An object the reader has no use for (`torch.device('cpu')`, a `set`): kept in
    /// place of its value, never a tensor.
    case opaque(String)

    /// The lists and dicts a pickle made, by index.
    struct Containers {
        var lists: [[PickleValue]] = []
        var dicts: [[(key: PickleValue, value: PickleValue)]] = []
    }

    /// A short description for errors: `int`, `tuple of 3`, `global torch.Size`.
    var kind: String {
        switch self {
        case .tensor: "tensor"
        case .storage: "storage"
        case .global(let name): "global \(name)"
        case .opaque(let name): name
        case .tuple(let items): "tuple of \(items.count)"
        case .list: "list"
        case .dict: "dict"
        case .string: "str"
        case .float: "float"
        case .int: "int"
        case .bool: "bool"
        case .none: "None"
        }
    }
}

/// A storage of a `.pt` file: `archive/data/KEY`, `count` elements of `dtype`
/// (an untyped storage: no dtype, `count` bytes, until a tensor names its dtype).
struct TorchStorage {
    var dtype: TorchDType?
    var key: String
    var count: Int
}

/// A dense tensor over a storage: `shape`, `strides` and offset in elements.
struct TorchTensor {
    var storage: TorchStorage
    var offset: Int
    var shape: [Int]
    var strides: [Int]
}
