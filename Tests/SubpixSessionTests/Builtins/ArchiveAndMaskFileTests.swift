import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession
import TestSupport

/// `.npz` members by name (as `np.load` gives them) and masks saved as NumPy bools.
final class ArchiveAndMaskFileTests: ScriptTestCase {
    private let pair = TestResources.path("formats/pair.npz")   // np.savez(first=(3, 4) float32, second=(2, 2) float64)

    func testAnArchiveIsAMappingOfItsArraysByName() throws {
        try value("f = load('\(pair)')")
        XCTAssertEqual(try value("f.keys()"), .list([.string("first"), .string("second")]))
        XCTAssertEqual(try value("f['first'].shape, f['second'].dtype, len(f)"),
                       .tuple([.tuple([1, 1, 3, 4].map(Value.int)), .string("float64"), .int(2)]))
        XCTAssertEqual(try value("load('\(pair)', 'second')"), try value("f['second']"))
        XCTAssertEqual(try value("load('\(pair)', name='first')[0, 0, 2, 3]"), .tensor(.float32(try Tensor(shape: [], elements: [1.75]))),
                       "the last element of arange(12) / 4 - 1")
        try value("a, b = load('\(pair)')")
        XCTAssertEqual(session.variables["b"], try value("f['second']"), "unpacking gives the arrays in file order")
        XCTAssertEqual(try value("str(f)"), .string("npz '\(pair)': first (1, 1, 3, 4) float32, second (1, 1, 2, 2) float64"))
    }

    func testUnknownMembersAndNonArchivesAreNamed() throws {
        try value("f = load('\(pair)')")
        assertErrors([
            ("f['frst']", "1:2: \(pair) has no array 'frst'; did you mean 'first'? it has 'first', 'second'"),
            ("load('\(pair)', 'third')", "1:1: \(pair) has no array 'third'; it has 'first', 'second'"),
            ("f[0]", "1:2: expected a member name to index an npz archive (f[\"first\"]), got [0]"),
            ("f.keys(1)", "1:2: keys() takes no arguments, got 1"),
            ("load('\(TestResources.path("formats/f4_le.npy"))', 'x')",
             "1:\(10 + TestResources.path("formats/f4_le.npy").count): load(): expected name to be None for a file that is not an .npz or a .pt of several tensors, got str 'x'"),
            ("spatial_softmax2d(f)", "1:19: spatial_softmax2d(): expected input to be a tensor, got an npz archive; pick one of its arrays: f[\"first\"]"),
        ])
    }

    /// A torch.save dict (scripts/make-torch-resources.py: heatmaps (1, 2, 3, 4) float32
    /// first) is read as an npz is, and says it is a .pt, not an npz.
    func testATorchFileOfSeveralTensorsNamesItselfAsOne() throws {
        let dict = TestResources.path("torch/dict.pt")
        try value("f = load('\(dict)')")
        guard case .string(let text) = try value("str(f)") else { return XCTFail("str(f) is no string") }
        XCTAssertTrue(text.hasPrefix("pt '\(dict)': heatmaps (1, 2, 3, 4) float32, "), text)
        assertErrors([
            ("f[0]", "1:2: expected a member name to index a pt file of tensors (f[\"heatmaps\"]), got [0]"),
            ("spatial_softmax2d(f)", "1:19: spatial_softmax2d(): expected input to be a tensor, got a pt file of tensors; pick one of its arrays: f[\"heatmaps\"]"),
        ])
    }

    /// The bytes NumPy writes for `np.save(path, np.arange(12).reshape(3, 4) / 4 - 1 > 0)` (formats/bool.npy).
    func testMasksSaveAsTheBoolNpyNumPyWrites() throws {
        let numpy = try Data(contentsOf: URL(fileURLWithPath: TestResources.path("formats/bool.npy")))
        let mask = try Mask(shape: [3, 4], elements: (0..<12).map { Double($0) / 4 - 1 > 0 })
        XCTAssertEqual(NPY.encode(mask), numpy)

        let directory = try scratchDirectory().path
        try value("""
            heat = gaussians(size=(5, 6), peaks=[(2, 1, 1)])
            m = nms2d(heat, (3, 3), mask_only=True)
            save(m, '\(directory)/m.npy')
            save(m, '\(directory)/m.csv')
            back = load('\(directory)/m.npy')
            """)
        let saved = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/m.npy"))
        XCTAssertTrue(String(decoding: saved.prefix(80), as: UTF8.self).contains("'descr': '|b1'"), "NumPy reads it as dtype bool")
        XCTAssertEqual(saved.count, 128 + 30, "one byte per element after the 128-byte header")
        XCTAssertEqual(try elements("back"), (0..<30).map { $0 == 1 * 6 + 2 ? 1 : 0 }, "set only at the peak (row 1, column 2)")
        XCTAssertEqual(try String(contentsOfFile: "\(directory)/m.csv", encoding: .utf8).split(separator: "\n")[1], "0.0,0.0,1.0,0.0,0.0,0.0")
    }
}
