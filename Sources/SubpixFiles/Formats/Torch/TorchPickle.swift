/// A pickle reader for what `torch.save` writes (protocol 2), that follows the
/// data and never executes anything: the opcodes torch's own weights-only
/// unpickler accepts, globals only from ``TorchGlobals/allowed``, and each call
/// (`REDUCE`, `NEWOBJ`) interpreted for the few callables that build tensors and
/// their containers. Storages come from persistent ids
/// (`('storage', torch.FloatStorage, '0', 'cpu', 12)`).
struct TorchPickle {
    private let bytes: [UInt8]
    private let path: String
    private var cursor = 0
    /// Where the opcode being run starts, for errors.
    private var opcodeStart = 0
    private var stack: [PickleValue] = []
    private var marks: [Int] = []
    private var memo: [Int: PickleValue] = [:]
    private(set) var containers = PickleValue.Containers()

    init(_ bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// The object the pickle holds.
    /// - Throws: ``FormatError`` naming a refused global, an unsupported opcode or
    ///   call, or a pickle that ends early or is malformed.
    mutating func load() throws -> PickleValue {
        while true {
            opcodeStart = cursor
            let opcode = try byte()
            switch opcode {
            case 0x80: _ = try byte()                                        // PROTO
            case 0x2E: return try pop()                                      // STOP
            case 0x28: marks.append(stack.count)                             // MARK
            case 0x4E: stack.append(.none)                                   // NONE
            case 0x88: stack.append(.bool(true))                             // NEWTRUE
            case 0x89: stack.append(.bool(false))                            // NEWFALSE
            case 0x4B: stack.append(.int(Int(try byte())))                   // BININT1
            case 0x4D: stack.append(.int(try unsigned(2)))                   // BININT2
            case 0x4A: stack.append(.int(Int(Int32(truncatingIfNeeded: try unsigned(4)))))  // BININT
            case 0x8A: stack.append(.int(try long(count: Int(try byte()))))  // LONG1
            case 0x47: stack.append(.float(try bigEndianDouble()))           // BINFLOAT
            case 0x58: stack.append(.string(try text(count: try unsigned(4)))) // BINUNICODE
            case 0x55: stack.append(.string(try text(count: Int(try byte())))) // SHORT_BINSTRING
            case 0x29: stack.append(.tuple([]))                              // EMPTY_TUPLE
            case 0x85, 0x86, 0x87: stack.append(.tuple(try pop(Int(opcode) - 0x84))) // TUPLE1-3
            case 0x74: stack.append(.tuple(try popToMark()))                 // TUPLE
            case 0x5D: stack.append(newList())                               // EMPTY_LIST
            case 0x7D: stack.append(newDict())                               // EMPTY_DICT
            case 0x8F: stack.append(.opaque("set"))                          // EMPTY_SET
            case 0x61: try append(try pop(1))                                // APPEND
            case 0x65: try append(try popToMark())                           // APPENDS
            case 0x73: try setItems(try pop(2))                              // SETITEM
            case 0x75: try setItems(try popToMark())                         // SETITEMS
            case 0x71: memo[Int(try byte())] = try top()                     // BINPUT
            case 0x72: memo[try unsigned(4)] = try top()                     // LONG_BINPUT
            case 0x68: stack.append(try recalled(Int(try byte())))           // BINGET
            case 0x6A: stack.append(try recalled(try unsigned(4)))           // LONG_BINGET
            case 0x63: stack.append(.global(try global()))                   // GLOBAL
            case 0x51: stack.append(try persistent(try pop()))               // BINPERSID
            case 0x52: let (callable, arguments) = try popCall(); stack.append(try call(callable, arguments)) // REDUCE
            case 0x81: let (type, arguments) = try popCall(); stack.append(try construct(type, arguments))     // NEWOBJ
            case 0x62: _ = try pop()                                         // BUILD: the state of a tensor or OrderedDict
            default:
                throw FormatError(path, "unsupported pickle opcode 0x\(String(opcode, radix: 16)) at byte \(opcodeStart); expected what torch.save writes")
            }
        }
    }

    // MARK: Calls

    /// `callable(*arguments)` for the callables that build tensors and containers.
    private mutating func call(_ callable: PickleValue, _ arguments: [PickleValue]) throws -> PickleValue {
        guard case .global(let name) = callable else { throw malformed("a call of \(callable.kind)") }
        switch name {
        case "collections.OrderedDict", "collections.Counter":
            guard arguments.isEmpty else { throw malformed("\(name) with arguments") }
            return newDict()
        case "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2":
            return .tensor(try tensor(arguments, dtype: nil, call: name))
        case "torch._utils._rebuild_tensor_v3":
            guard arguments.count >= 7, case .global(let dtypeName) = arguments[6] else { throw malformed("\(name) without a dtype") }
            return .tensor(try tensor(arguments, dtype: try dtype(dtypeName), call: name))
        case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
             "torch._utils._rebuild_device_tensor_from_cpu_tensor":
            guard case .tensor? = arguments.first else { throw malformed("\(name) of \(arguments.first?.kind ?? "nothing")") }
            return arguments[0]
        case "torch._tensor._rebuild_from_type_v2":
            // (function, type, arguments, state): the function rebuilds the tensor; the type and state are a subclass's.
            guard arguments.count >= 3, case .tuple(let inner) = arguments[2] else { throw malformed("\(name)'s arguments") }
            return try call(arguments[0], inner)
        case "torch.Size":
            return arguments.first ?? .tuple([])
        case "torch._utils._rebuild_sparse_tensor", "torch._utils._rebuild_qtensor", "torch._utils._rebuild_meta_tensor_no_storage",
             "torch._utils._rebuild_wrapper_subclass", "torch._utils._rebuild_device_tensor_from_numpy":
            throw FormatError(path, "\(name): expected dense CPU tensors; sparse, quantized, meta and subclass tensors are not read")
        default:
            return .opaque(name)
        }
    }

    /// `type.__new__(type, *arguments)`: a `Parameter` is its tensor; other objects are opaque.
    private func construct(_ type: PickleValue, _ arguments: [PickleValue]) throws -> PickleValue {
        guard case .global(let name) = type else { throw malformed("NEWOBJ of \(type.kind)") }
        if name == "torch.nn.parameter.Parameter", case .tensor? = arguments.first { return arguments[0] }
        return .opaque(name)
    }

    /// A tensor from `_rebuild_tensor*`'s `(storage, storage_offset, size, stride, ...)`.
    private func tensor(_ arguments: [PickleValue], dtype: TorchDType?, call: String) throws -> TorchTensor {
        guard arguments.count >= 4, case .storage(var storage) = arguments[0], case .int(let offset) = arguments[1],
              let shape = integers(arguments[2]), let strides = integers(arguments[3]), shape.count == strides.count
        else { throw malformed("\(call) of (\(arguments.map(\.kind).joined(separator: ", ")))") }
        if storage.dtype == nil, let dtype {
            // An untyped storage counts bytes; the tensor's dtype says how to read them.
            storage.count /= dtype.size
            storage.dtype = dtype
        }
        return TorchTensor(storage: storage, offset: offset, shape: shape, strides: strides)
    }

    /// The storage a persistent id `('storage', type, key, location, count)` names.
    private func persistent(_ id: PickleValue) throws -> PickleValue {
        guard case .tuple(let items) = id, items.count == 5, case .string("storage") = items[0],
              case .global(let type) = items[1], case .string(let key) = items[2], case .int(let count) = items[4], count >= 0
        else { throw malformed("persistent id \(id.kind)") }
        let dtype = type == "torch.storage.UntypedStorage" ? nil : try self.dtype(type)
        return .storage(TorchStorage(dtype: dtype, key: key, count: count))
    }

    private func dtype(_ name: String) throws -> TorchDType {
        guard let dtype = TorchDType(global: name) else {
            throw FormatError(path, "unsupported tensor type \(name); expected float16/32/64, (u)int8, int16/32/64 or bool")
        }
        return dtype
    }

    private func integers(_ value: PickleValue) -> [Int]? {
        guard case .tuple(let items) = value else { return nil }
        var result: [Int] = []
        for item in items {
            guard case .int(let number) = item else { return nil }
            result.append(number)
        }
        return result
    }

    // MARK: Containers

    private mutating func newList() -> PickleValue {
        containers.lists.append([])
        return .list(containers.lists.count - 1)
    }

    private mutating func newDict() -> PickleValue {
        containers.dicts.append([])
        return .dict(containers.dicts.count - 1)
    }

    private mutating func append(_ items: [PickleValue]) throws {
        switch try top() {
        case .list(let index): containers.lists[index] += items
        case .opaque: break   // a set: its members are not kept
        case let other: throw malformed("APPEND to \(other.kind)")
        }
    }

    private mutating func setItems(_ items: [PickleValue]) throws {
        guard case .dict(let index) = try top() else { throw malformed("SETITEM on \(try top().kind)") }
        guard items.count % 2 == 0 else { throw malformed("SETITEMS with an odd count") }
        for pair in stride(from: 0, to: items.count, by: 2) {
            containers.dicts[index].append((items[pair], items[pair + 1]))
        }
    }

    // MARK: Reading

    /// `GLOBAL`'s `module\nname\n`, refused unless torch's weights-only loader allows it.
    private mutating func global() throws -> String {
        let module = try line(), name = try line()
        let full = "\(module).\(name)"
        guard TorchGlobals.allowed.contains(full) else {
            throw FormatError(path, "refused global '\(full)': torch.load(weights_only=True) does not allow it, and subpix reads tensors only")
        }
        return full
    }

    private mutating func line() throws -> String {
        guard let end = bytes[cursor...].prefix(256).firstIndex(of: 0x0A) else { throw malformed("a GLOBAL without its newline") }
        defer { cursor = end + 1 }
        return String(decoding: bytes[cursor..<end], as: UTF8.self)
    }

    private mutating func byte() throws -> UInt8 {
        guard cursor < bytes.count else { throw FormatError(path, "the pickle ends at byte \(cursor) without STOP") }
        defer { cursor += 1 }
        return bytes[cursor]
    }

    private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - cursor else {
            throw FormatError(path, "the pickle claims \(count) bytes at byte \(cursor), it has \(bytes.count - cursor)")
        }
        defer { cursor += count }
        return bytes[cursor..<(cursor + count)]
    }

    private mutating func unsigned(_ count: Int) throws -> Int {
        try take(count).reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// BINFLOAT's operand: an IEEE double, big-endian (any bit pattern, a negative one too).
    private mutating func bigEndianDouble() throws -> Double {
        Double(bitPattern: try take(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    /// LONG1: a little-endian two's-complement integer of `count` bytes (at most 8).
    private mutating func long(count: Int) throws -> Int {
        guard count <= 8 else { throw FormatError(path, "an integer of \(count) bytes at byte \(cursor); expected at most 8") }
        guard count > 0 else { return 0 }
        let raw = UInt64(truncatingIfNeeded: try unsigned(count))
        let shift = UInt64(64 - 8 * count)
        return Int(Int64(bitPattern: raw << shift) >> Int64(shift))
    }

    private mutating func text(count: Int) throws -> String {
        String(decoding: try take(count), as: UTF8.self)
    }

    // MARK: The stack

    private func top() throws -> PickleValue {
        guard let last = stack.last else { throw malformed("an opcode on an empty stack") }
        return last
    }

    private mutating func pop() throws -> PickleValue {
        try pop(1)[0]
    }

    private mutating func pop(_ count: Int) throws -> [PickleValue] {
        guard stack.count - (marks.last ?? 0) >= count else { throw malformed("an opcode short of \(count) values") }
        defer { stack.removeLast(count) }
        return Array(stack.suffix(count))
    }

    private mutating func popToMark() throws -> [PickleValue] {
        guard let mark = marks.popLast() else { throw malformed("an opcode that needs a MARK without one") }
        defer { stack.removeLast(stack.count - mark) }
        return Array(stack[mark...])
    }

    /// A call's callable and argument tuple.
    private mutating func popCall() throws -> (PickleValue, [PickleValue]) {
        let pair = try pop(2)
        guard case .tuple(let arguments) = pair[1] else { throw malformed("a call with \(pair[1].kind) for arguments") }
        return (pair[0], arguments)
    }

    private func recalled(_ index: Int) throws -> PickleValue {
        guard let value = memo[index] else { throw malformed("memo entry \(index), never stored") }
        return value
    }

    private func malformed(_ what: String) -> FormatError {
        FormatError(path, "malformed pickle: \(what) at byte \(opcodeStart)")
    }
}
