import Foundation
import XCTest

/// A new, empty directory under the system's temporary directory, named
/// `prefix-<UUID>`, for one test's files; ``remove()`` deletes it and all it holds.
///
/// In a test case, ``XCTest/XCTestCase/scratchDirectory(_:)`` makes one that is
/// removed when the test ends; make one directly where no test case owns it:
///
/// ```swift
/// let scratch = try ScratchDirectory("subpix-viewer-files")
/// try data.write(to: scratch.url.appendingPathComponent("pose.npy"))
/// scratch.remove()
/// ```
public struct ScratchDirectory: Sendable {
    /// The directory's location.
    public let url: URL

    /// The directory's path.
    public var path: String { url.path }

    /// Creates the directory `prefix-<UUID>` under the system's temporary directory.
    ///
    /// - Throws: the file manager's error when the directory cannot be created.
    public init(_ prefix: String = "subpix-tests") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Deletes the directory and everything in it; a directory already gone is no error.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

extension XCTestCase {
    /// A new, empty ``ScratchDirectory`` named `prefix-<UUID>`, removed when the
    /// current test ends (as a teardown block: after the test method, before
    /// `tearDown()`). Call it from the test or from `setUp`.
    ///
    /// ```swift
    /// let directory = try scratchDirectory("subpix-npy")
    /// try data.write(to: directory.appendingPathComponent("x.npy"))
    /// ```
    ///
    /// - Throws: the file manager's error when the directory cannot be created.
    public func scratchDirectory(_ prefix: String = "subpix-tests") throws -> URL {
        let directory = try ScratchDirectory(prefix)
        addTeardownBlock { directory.remove() }
        return directory.url
    }
}
