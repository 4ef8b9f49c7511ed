import Foundation
import Subpix
import SubpixLanguage

/// A keypoint method named on a command line with its settings as keywords, as the
/// viewer and scripts name them (`subpix extract --method conv_soft_argmax2d
/// --temperature 0.5 --kernel-size 5,5`), resolved into the view settings it runs with.
///
/// The keywords a method takes are derived, not listed: its kornia op's parameters
/// (``KeypointMethod/kornia``) and the view settings it reads (``KeypointMethod/settings``),
/// each spelled in kebab case. Values are checked as `view.<field> = value` checks them.
///
/// ```swift
/// let run = try MethodKeywords(method: "conv_soft_argmax2d", keywords: [("temperature", "0.5")], kornia: .v0_9)
/// run.view.temperature   // 0.5
/// ```
public struct MethodKeywords: Sendable {
    public let method: KeypointMethod
    /// The settings the method runs with: the view's defaults with the keywords given.
    public let view: ViewSettings
    /// kornia's `eps` when given (the windowed ops' sum of exponentials), which the view does not keep.
    public let eps: Double?

    /// The method called `name` with `keywords` (kebab-case names without `--`, and their
    /// text; nil when none followed the name).
    ///
    /// - Throws: ``ScriptError`` naming the methods there are, a keyword the method does not
    ///   take (with the ones it does), a keyword without a value, or a value the keyword's
    ///   field refuses.
    public init(method name: String, keywords: [(name: String, value: String?)], kornia: KorniaVersion) throws {
        guard let method = KeypointMethod.named(name) else {
            let near = Suggestion.closest(to: name, among: KeypointMethod.all.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
            throw ScriptError("--method: expected one of \(KeypointMethod.all.map(\.name).joined(separator: ", ")), got '\(name)'\(near)")
        }
        let session = Session(kornia: kornia, output: { _ in })
        try session.apply([.method(method)])
        var eps: Double?
        // The window's size before the rest, in any order given: the padding is checked against it.
        let sizeFirst = keywords.filter { $0.name == "kernel-size" } + keywords.filter { $0.name != "kernel-size" }
        for (option, given) in sizeFirst {
            let keyword = option.replacingOccurrences(of: "-", with: "_")
            let takesEps = keyword == "eps" && method.kornia?.parameter("eps")?.isAvailable(in: kornia) == true
            guard takesEps || Self.keywords(of: method, kornia: kornia).contains(keyword) else {
                throw ScriptError(Self.refusal(option, method: method, kornia: kornia))
            }
            guard let text = given else { throw ScriptError("--\(option): expected a value after it") }
            let value = Self.value(text)
            if takesEps {
                guard let number = value.number, number.isFinite, number >= 0 else {
                    throw ScriptError("--eps: expected a number >= 0, got '\(text)'")
                }
                eps = number
                continue
            }
            let changes = method.settings.contains(.depthWindow) ? ScriptViewSettings.depthSplit(keyword, value) : [(keyword, value)]
            do {
                for (field, value) in changes { try session.setView(field, to: value) }
            } catch let error as ScriptError {
                throw ScriptError("--\(option): " + error.message.replacingOccurrences(of: "view.\(keyword): ", with: ""))
            }
        }
        (self.method, self.view, self.eps) = (method, session.view, eps)
    }

    /// The keywords `method` takes in kornia `version`, snake case, in the order its op and
    /// settings list them: those that change its keypoints (always in pixels, so not
    /// `normalized_coordinates`).
    public static func keywords(of method: KeypointMethod, kornia version: KorniaVersion) -> [String] {
        let settings = method.settings.flatMap(\.fieldNames).filter { !$0.hasPrefix("depth_") }
        let kornia = (method.kornia?.parameters(in: version) ?? []).map(\.name).filter { name in
            name == "eps" || settings.contains(name)
        }
        return kornia + settings.filter { !kornia.contains($0) } + confidenceKeywords
    }

    /// The confidence rule's fields, which judge every method's maps (`none` turns a check off).
    static let confidenceKeywords = ["confidence", "confidence_share"]

    /// One line per method: `  conv_soft_argmax2d: --kernel-size --stride ...`, then one for
    /// the confidence rule's keywords, which every method takes; for help texts.
    public static func usage(kornia version: KorniaVersion) -> String {
        func option(_ keyword: String) -> String { "--" + keyword.replacingOccurrences(of: "_", with: "-") }
        let methods = KeypointMethod.all.map { method in
            let names = keywords(of: method, kornia: version).filter { !confidenceKeywords.contains($0) }.map(option)
            return "  \(method.name): " + (names.isEmpty ? "(none)" : names.joined(separator: " "))
        }
        let rule = "  every method: " + confidenceKeywords.map(option).joined(separator: " ") + " (the confidence rule; none turns a check off)"
        return (methods + [rule]).joined(separator: "\n")
    }

    /// The one-line error for a keyword `method` does not take: the op's keywords
    /// that do not change its keypoints are named as such.
    private static func refusal(_ option: String, method: KeypointMethod, kornia: KorniaVersion) -> String {
        let keyword = option.replacingOccurrences(of: "-", with: "_")
        let names = keywords(of: method, kornia: kornia).map { "--" + $0.replacingOccurrences(of: "_", with: "-") }
        let taken = names.isEmpty ? "no keywords" : names.joined(separator: ", ")
        if let refusal = method.kornia?.refusal(of: keyword, in: kornia) { return "--\(option): \(refusal.message)" }
        if method.kornia?.parameter(keyword) != nil {
            return "--\(option): \(method.name)'s \(keyword) does not change its keypoints; it takes \(taken)"
        }
        return "--\(option): \(method.name) takes \(taken), not --\(option)"
    }

    /// A keyword's text as the value a script would write: `5,5` → `(5, 5)`,
    /// `0.5`, `3`, `true`/`True`, `none`/`None`, else the text as a string.
    static func value(_ text: String) -> Value {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains(",") {
            return .tuple(trimmed.split(separator: ",", omittingEmptySubsequences: false).map { value(String($0)) })
        }
        switch trimmed.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "none": return .none
        default: break
        }
        if let integer = Int(trimmed) { return .int(integer) }
        if let number = Double(trimmed) { return .float(number) }
        return .string(trimmed)
    }
}

extension Session {
    /// Sets `view.<field>` to `value`, checked as the statement `view.<field> = value` checks it.
    public func setView(_ field: String, to value: Value) throws {
        try apply([ViewChange(field: field, value: value)])
    }
}
