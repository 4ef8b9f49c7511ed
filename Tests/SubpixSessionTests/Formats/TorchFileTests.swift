import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixSession

/// `.pt` files written by torch.save itself (scripts/make-torch-resources.py), read
/// back and compared bit for bit with the values torch recorded in torch/expected.json.
final class TorchFileTests: ScriptTestCase {
    private struct Expected: Decodable {
        var name: String
        var shape: [Int]
        var float32_bits: [UInt32]?
        var float64_bits: [UInt64]?
    }

    private func path(_ stem: String) -> String { TestResources.path("torch/\(stem).pt") }

    private func read(_ stem: String) throws -> LoadedFile {
        try TorchFile.read(Data(contentsOf: URL(fileURLWithPath: path(stem))), path: "\(stem).pt")
    }

    func testEveryFileHoldsTheTensorsTorchSaved() throws {
        let expected = try JSONDecoder().decode([String: [Expected]].self,
                                                from: Data(contentsOf: URL(fileURLWithPath: TestResources.path("torch/expected.json"))))
        XCTAssertEqual(Set(expected.keys), ["f32", "f16", "f64", "i64", "dict", "checkpoint", "list", "tuple", "views", "compressed"])
        for (stem, want) in expected {
            let got: [(name: String, tensor: AnyTensor)]
            switch try read(stem) {
            case .tensor(let tensor): got = [("0", tensor)]
            case .arrays(let arrays): got = arrays
            case .keypoints: return XCTFail(stem)
            }
            XCTAssertEqual(got.map(\.name), want.map(\.name), stem)
            for (tensor, golden) in zip(got.map(\.tensor), want) {
                let label = "\(stem): \(golden.name)"
                XCTAssertEqual(tensor.shape, golden.shape, label)
                switch tensor {
                case .float32(let t): XCTAssertEqual(t.elements.map(\.bitPattern), golden.float32_bits, label)
                case .float64(let t): XCTAssertEqual(t.elements.map(\.bitPattern), golden.float64_bits, label)
                }
            }
        }
    }

    /// The reader's allowlist is torch's own (torch/allowed-globals.json, from torch's
    /// `_get_allowed_globals()`), and a pickle naming any other global is refused by name.
    func testOnlyTheGlobalsTorchsWeightsOnlyLoaderAllowsAreAccepted() throws {
        let torchs = try JSONDecoder().decode([String].self, from: Data(contentsOf: URL(fileURLWithPath: TestResources.path("torch/allowed-globals.json"))))
        XCTAssertEqual(TorchGlobals.allowed, Set(torchs))
        XCTAssertThrowsError(try read("os-system")) {
            XCTAssertEqual("\($0)", "os-system.pt: refused global 'os.system': torch.load(weights_only=True) does not allow it, and subpix reads tensors only")
        }
    }

    func testScriptsAndTheViewerLoadPtFilesByTheShapeRule() throws {
        try value("x = load('\(path("f32"))')\nd = load('\(path("dict"))')\nh = load('\(path("dict"))', 'heatmaps')")
        XCTAssertEqual(session.tensor(named: "x")?.shape, [2, 3, 4])
        XCTAssertEqual(try value("d.keys()"), .list(["heatmaps", "mask", "bytes"].map(Value.string)))
        XCTAssertEqual(session.tensor(named: "h")?.shape, [1, 2, 3, 4])
        XCTAssertEqual(try value("d['bytes'].shape"), .tuple([1, 1, 1, 6].map(Value.int)), "1D tensors get batch axes, as 1D arrays do")
    }

    func testMalformedPtFilesGetOneLineErrors() throws {
        /// A zip of one stored member, archive/data.pkl, holding `body` (no CRC: the reader checks none).
        func pickle(_ body: [UInt8]) -> Data {
            let name = Array("archive/data.pkl".utf8)
            func le(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
            let header = le(0x0403_4B50, 4) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4)
                + le(body.count, 4) + le(body.count, 4) + le(name.count, 2) + le(0, 2)
            return Data(header + name + body)
        }
        let cases: [(Data, String)] = [
            (Data("PK".utf8), "x.pt: expected the zip format torch.save writes (PyTorch 1.6 and later), got 2 bytes without it"),
            (Data([0x80, 0x02] + Array("X\u{4}\u{0}\u{0}\u{0}".utf8)), "x.pt: expected the zip format torch.save writes (PyTorch 1.6 and later), got 7 bytes without it"),
            (pickle([0x80, 0x02, 0x63] + Array("builtins\neval\n".utf8)),
             "x.pt: refused global 'builtins.eval': torch.load(weights_only=True) does not allow it, and subpix reads tensors only"),
            (pickle([0x80, 0x02, 0x68, 0x05]), "x.pt: malformed pickle: memo entry 5, never stored at byte 2"),
            (pickle([0x80, 0x02, 0x95]), "x.pt: unsupported pickle opcode 0x95 at byte 2; expected what torch.save writes"),
            (pickle([0x80, 0x02, 0x4E, 0x2E]), "x.pt: expected tensors in the file, found None holding none"),
        ]
        for (data, message) in cases {
            XCTAssertThrowsError(try TorchFile.read(data, path: "x.pt"), message) { XCTAssertEqual("\($0)", message) }
        }
    }
}
