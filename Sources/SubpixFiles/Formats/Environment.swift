import Foundation

/// An environment variable's value, if set.
func getenvString(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
