import Subpix
import SubpixFiles

/// One unit of work, decoded on any thread: a file to load, or a frame a stream has read.
struct WorkItem: Sendable {
    enum Content: Sendable {
        case file
        case frame(AnyTensor)
        /// A frame the stream could not decode.
        case problem(String)
    }

    /// The `file` column: the file's or the stream's path.
    let input: String
    /// The frame's number in its stream; 0 for a file.
    let frame: Int
    let content: Content

    /// The rows `decoder` gives: of the file's array, or of each `.npz` member in order.
    ///
    /// - Throws: what loading or decoding refused, as `PATH: message` (`PATH: frame N: message` for a stream).
    func rows(_ decoder: any MapDecoder, maxBytes: Int) throws -> [KeypointRow] {
        let origin = MapOrigin(file: input, member: "", frame: frame)
        switch content {
        case .frame(let tensor):
            return try located { try decoder.rows(of: tensor, from: origin) }
        case .problem(let message):
            throw ExtractFailure(input: input, message: message)
        case .file:
            switch try located({ try TensorFile.load(input, maxBytes: maxBytes) }) {
            case .tensor(let tensor):
                return try located { try decoder.rows(of: tensor, from: origin) }
            case .arrays(let members):
                return try members.flatMap { member in
                    try located(member: member.name) {
                        try decoder.rows(of: member.tensor, from: MapOrigin(file: input, member: member.name, frame: frame))
                    }
                }
            case .keypoints:
                throw ExtractFailure(input: input, message: "expected heatmaps, got a keypoint table")
            }
        }
    }

    /// `body`'s value, or its error as one line naming the input (and the member or frame).
    private func located<T>(member: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as ExtractFailure {
            throw failure
        } catch {
            var message = "\(error)"
            if message.hasPrefix(input + ": ") { message.removeFirst(input.count + 2) }
            if let member { message = "\(member): " + message }
            if case .frame = content { message = "frame \(frame): " + message }
            throw ExtractFailure(input: input, message: message.split(separator: "\n").first.map(String.init) ?? message)
        }
    }
}

/// An input that could not be decoded: one line, `PATH: message`.
public struct ExtractFailure: Error, CustomStringConvertible, Sendable {
    public let input: String
    public let message: String

    public var description: String { "\(input): \(message)" }
}
