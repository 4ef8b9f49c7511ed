import XCTest
@testable import SubpixLanguage
@testable import SubpixSession

/// The builtins and string formatting a Python user reaches for, with Python's output next to each.
final class PythonBuiltinTests: ScriptTestCase {
    func testIterationBuiltins() throws {
        XCTAssertEqual(try output("""
            print(list(range(3)), list(range(1, 10, 4)), len(range(0, 10, 3)), range(2, 5))
            print(list(enumerate('ab', 1)), list(zip([1, 2, 3], 'xy')), sorted([3, 1, 2]), sorted(['b', 'a'], reverse=True))
            print(list(reversed((1, 2, 3))), sum([1, 2.5]), sum([[1], [2]], []), min([4, 2, 8]), max(3, 7, 5), min([], default=0))
            print(any([0, '', None]), all([1, 'a']), round(2.5), round(0.125, 2), round(1234, -2), isinstance(True, int), isinstance('a', (int, float)))
            print(dict(zip('ab', [1, 2])), dict(x=1), tuple([1, 2]), list({'k': 0}))
            """), """
            [0, 1, 2] [1, 5, 9] 4 range(2, 5)
            [(1, 'a'), (2, 'b')] [(1, 'x'), (2, 'y')] [1, 2, 3] ['b', 'a']
            [3, 2, 1] 3.5 [1, 2] 2 7 0
            False True 2 0.12 1200 True False
            {'a': 1, 'b': 2} {'x': 1} (1, 2) ['k']
            """)
    }

    func testSequencesAndComprehensions() throws {
        XCTAssertEqual(try output("""
            a = [1, 2] + [3]
            print(a * 2, 2 * (0,), 'ab' * 3, [x * x for x in a if x != 2], {k: len(k) for k in ['a', 'bb']})
            print([(i, j) for i in range(2) for j in 'xy'], sum(x for x in a), [c.upper() for c in 'hi'])
            """), """
            [1, 2, 3, 1, 2, 3] (0, 0) ababab [1, 9] {'a': 1, 'bb': 2}
            [(0, 'x'), (0, 'y'), (1, 'x'), (1, 'y')] 6 ['H', 'I']
            """)
        XCTAssertNil(session.variables["x"], "a comprehension's variable stays inside it, as in Python 3")
    }

    func testStringFormattingAndMethods() throws {
        XCTAssertEqual(try output("""
            x = 3.14159
            n = 42
            print(f"{x:.3f}|{n:>5d}|{n:<4}|{'s':^5}|{1234567:,}|{0.25:.1%}|{x:+.2e}|{n:05d}|{255:x}|{'q'!r}|{x}|{{}}")
            print("%d of %s: %.2f%%" % (3, 'a', 50), "%5.1f|%-4s|" % (2.25, 'ab'), "{} {:.1f} {name}".format(1, 2.25, name='x'))
            print(', '.join(['a', 'b']), 'a b  c'.split(), 'a,b'.split(','), ' pad '.strip(), 'Name'.lower(), 'x.npy'.endswith('.npy'))
            print(1, 2, sep='-', end='!\\n')
            print('no break', end='')
            print(' then one')
            print(3, format='csv')
            """), """
            3.142|   42|42  |  s  |1,234,567|25.0%|+3.14e+00|00042|ff|'q'|3.14159|{}
            3 of a: 50.00%   2.2|ab  | 1 2.2 x
            a, b ['a', 'b', 'c'] ['a', 'b'] pad name True
            1-2!
            no break then one
            3
            """)
        assertErrors([
            ("f'{1:q}'", "1:4: invalid format spec 'q'"),
            ("'%d' % 'a'", "1:6: %d needs a number, got a str"),
            ("'{} {}'.format(1)", "1:8: format field {} has no value: 1 positional given"),
        ])
    }

    func testPrintToStandardErrorGoesToTheErrorStream() throws {
        var errors: [String] = []
        session.errorOutput = { errors.append($0) }
        XCTAssertEqual(try output("print('out')\nprint('err', 1, file=stderr)"), "out")
        XCTAssertEqual(errors, ["err 1"])
    }

    func testTensorAndArangeMakeTensorsAsNumPy() throws {
        XCTAssertEqual(try output("""
            print(tensor([[0, 1], [2, 3]]).shape, tensor([1.5, 2]).tolist(), tensor(3).shape, tensor([[]]).shape, tensor([1], dtype='float64').dtype)
            print(arange(4).tolist(), arange(1, 2, 0.25).tolist(), arange(5, 0, -2).tolist(), arange(0).shape)
            """), "(2, 2) [1.5, 2.0] () (1, 0) float64\n[0.0, 1.0, 2.0, 3.0] [1.0, 1.25, 1.5, 1.75] [5.0, 3.0, 1.0] (0,)")
        assertErrors([
            ("tensor([[1, 2], [3]])", "1:8: tensor(): expected data to be nested lists of one shape, got a ragged nesting"),
            ("tensor(['a'])", "1:8: tensor(): expected data to be nested lists of numbers, got a str among them"),
            ("arange(0, 1, 0)", "1:14: arange(): expected step to be a finite non-zero number, got int 0"),
        ])
    }

    func testGlobListsMatchingFilesSorted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("subpix-glob-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["b.npy", "a.npy", "c.txt"] { FileManager.default.createFile(atPath: directory.appendingPathComponent(name).path, contents: Data()) }
        XCTAssertEqual(try output("for path in glob('\(directory.path)/*.npy'): print(path[-5:])\nprint(glob('\(directory.path)/*.none'))"), "a.npy\nb.npy\n[]")
    }

    func testRangesAndRepetitionStayWithinTheLimits() throws {
        XCTAssertEqual(try output("""
            r = range(9223372036854775800, 9223372036854775807, 5)
            print(list(r), len(range(-9223372036854775807, 9223372036854775807)), range(10**18)[-1])
            for i in range(10**18):
                if i == 2: break
            print(i)
            """), "[9223372036854775800, 9223372036854775805] 9223372036854775807 999999999999999999\n2")
        assertErrors([
            ("list(range(10**9))", "1:1: range(0, 1000000000) has too many items to hold in a list (over 10000000); loop over it instead"),
            ("[0] * 10**8", "1:5: repeating a list of length 1 100000000 times is too long (over 10000000 items)"),
        ])
    }
}
